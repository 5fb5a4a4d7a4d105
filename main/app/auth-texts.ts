// What the agent reads about signing in, in English and Korean (I18N-1): the errors of
// `auth:signIn` (also kept in AppState.auth.error) and the sign-in notices.
import type { LocalizedText } from '../../common/ipc/index.js';

export type AuthErrorCode = 'auth_refused' | 'unreachable' | 'timeout' | 'in_use' | 'session_refused' | 'cancelled' | 'already_signed_in' | 'busy' | 'stopping' | 'failed';

export const AUTH_TEXTS = {
  refused: (detail: string): LocalizedText => ({
    en: `The contact center did not accept this sign-in token (${detail}). Check that you pasted the whole token, or get a new one from your contact center.`,
    ko: `컨택센터가 이 로그인 토큰을 받아들이지 않았습니다(${detail}). 토큰 전체를 붙여 넣었는지 확인하거나 컨택센터에서 새 토큰을 받으세요.`,
  }),
  unreachable: (url: string, detail: string): LocalizedText => ({
    en: `Could not reach the contact center at ${url} (${detail}). Check your network connection and try again.`,
    ko: `${url}의 컨택센터에 연결할 수 없습니다(${detail}). 네트워크 연결을 확인한 뒤 다시 시도하세요.`,
  }),
  timeout: (url: string): LocalizedText => ({
    en: `The contact center at ${url} did not answer in time. Try again.`,
    ko: `${url}의 컨택센터가 제시간에 응답하지 않았습니다. 다시 시도하세요.`,
  }),
  inUse: (identity: string): LocalizedText => ({
    en: `AgentDesk is already signed in as ${identity} on this computer (another window or user account). Sign out there first.`,
    ko: `이 컴퓨터에서 AgentDesk가 이미 ${identity}(으)로 로그인되어 있습니다(다른 창 또는 사용자 계정). 그곳에서 먼저 로그아웃하세요.`,
  }),
  failed: (detail: string): LocalizedText => ({
    en: `Signing in failed: ${detail}`,
    ko: `로그인하지 못했습니다: ${detail}`,
  }),
  sessionRefused: (detail: string): LocalizedText => ({
    en: `The contact center no longer accepts your sign-in (${detail}). Sign in again.`,
    ko: `컨택센터가 더 이상 로그인을 받아들이지 않습니다(${detail}). 다시 로그인하세요.`,
  }),
  cancelled: (): LocalizedText => ({
    en: 'Signing in was cancelled.',
    ko: '로그인을 취소했습니다.',
  }),
  alreadySignedIn: (identity: string): LocalizedText => ({
    en: `You are already signed in as ${identity}. Sign out first.`,
    ko: `이미 ${identity}(으)로 로그인되어 있습니다. 먼저 로그아웃하세요.`,
  }),
  busy: (): LocalizedText => ({
    en: 'A sign-in is already in progress.',
    ko: '이미 로그인하는 중입니다.',
  }),
  stopping: (): LocalizedText => ({
    en: 'AgentDesk is closing.',
    ko: 'AgentDesk를 종료하는 중입니다.',
  }),
  signedOut: (): LocalizedText => ({
    en: 'You are signed out. Sign in first.',
    ko: '로그아웃된 상태입니다. 먼저 로그인하세요.',
  }),
  notRemembered: (reason: string): LocalizedText => ({
    en: `You are signed in, but AgentDesk could not remember you on this computer: ${reason}. You will sign in again after a restart.`,
    ko: `로그인했지만 이 컴퓨터에 로그인 정보를 저장하지 못했습니다: ${reason}. 다시 시작하면 다시 로그인해야 합니다.`,
  }),
} as const;
