// The window: top bar, banners, offers, and the current view. The desk (phone, chats, records,
// Kustomer) stays mounted while admin or supervisor screens are shown, so nothing is lost.
import { lazy, Suspense, useEffect } from 'react';
import { useAppState, useSelector, useT } from './context.js';
import { DeskUiProvider, useDeskUi } from './desk-ui.js';
import { AnnouncerProvider } from './announcer.js';
import { ShortcutProvider } from './shortcuts.js';
import { FeedbackProvider } from '../ui/feedback.js';
import { TopBar } from '../topbar/top-bar.js';
import { Banners } from '../topbar/banners.js';
import { IncomingBanner } from '../softphone/incoming-banner.js';
import { PhoneProvider } from '../softphone/phone-context.js';
import { SoftphonePanel } from '../softphone/softphone-panel.js';
import { ChatPanel } from '../chat/chat-panel.js';
import { RecordsPanel } from '../record/records-panel.js';
import { KustomerPane } from '../kustomer/kustomer-pane.js';
import { canAdminister, canSupervise } from '../store/selectors.js';

const AdminScreen = lazy(() => import('../admin/admin-screen.js'));
const SupervisorScreen = lazy(() => import('../supervisor/supervisor-screen.js'));

function Loading() {
  const t = useT();
  return (
    <p className="muted screen" role="status">
      {t('common.loading')}
    </p>
  );
}

function Views() {
  const { view, setView } = useDeskUi();
  const admin = useSelector(canAdminister);
  const supervisor = useSelector(canSupervise);
  // Roles can change (a new login): never keep showing a screen the agent may not see.
  useEffect(() => {
    if ((view === 'admin' && !admin) || (view === 'supervisor' && !supervisor)) setView('desk');
  }, [view, admin, supervisor, setView]);
  const desk = view === 'desk';
  return (
    <>
      <div className="desk" hidden={!desk} data-testid="desk">
        <div className="desk__col desk__col--phone">
          <SoftphonePanel />
          <RecordsPanel />
        </div>
        <div className="desk__col desk__col--chat">
          <ChatPanel />
        </div>
        <KustomerPane visible={desk} />
      </div>
      {view === 'admin' && admin && (
        <Suspense fallback={<Loading />}>
          <AdminScreen />
        </Suspense>
      )}
      {view === 'supervisor' && supervisor && (
        <Suspense fallback={<Loading />}>
          <SupervisorScreen />
        </Suspense>
      )}
    </>
  );
}

function LangSync() {
  const { locale } = useAppState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}

function Title() {
  const t = useT();
  const offers = useAppState().sessions.filter((s) => s.phase === 'ringing' && s.session.type !== 'voice_outbound').length;
  useEffect(() => {
    document.title = offers > 0 ? `(${offers}) ${t('app.title')}` : t('app.title');
  }, [offers, t]);
  return null;
}

export function App() {
  const t = useT();
  return (
    <ShortcutProvider>
      <AnnouncerProvider>
        <FeedbackProvider>
          <DeskUiProvider>
            <PhoneProvider>
              <LangSync />
              <Title />
              <a className="skip-link" href="#main">
                {t('app.skip')}
              </a>
              <div className="app">
                <TopBar />
                <Banners />
                <main id="main" className="main" tabIndex={-1}>
                  <IncomingBanner />
                  <Views />
                </main>
              </div>
            </PhoneProvider>
          </DeskUiProvider>
        </FeedbackProvider>
      </AnnouncerProvider>
    </ShortcutProvider>
  );
}
