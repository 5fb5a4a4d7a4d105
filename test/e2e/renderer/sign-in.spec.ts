// Sign-in (addition): a freshly installed computer shows the sign-in screen, in English and Korean,
// with the contact center's URL and what "remember me" stores; the keyboard alone signs in;
// errors are said plainly and put focus back on the token; the desk replaces the screen once the
// core says signed in; "Sign out" in the top bar's account panel.
import { test, expect, expectAccessible, screenshot, LOCALES } from './support/test.js';
import { signedInState, signedOutState, voiceSession } from './support/fixtures.js';

const REFUSED = {
  en: 'The contact center did not accept this sign-in token (unauthorized: token must look like dev:<email>[:role,role]). Check that you pasted the whole token, or get a new one from your contact center.',
  ko: '컨택센터가 이 로그인 토큰을 받아들이지 않았습니다(unauthorized: token must look like dev:<email>[:role,role]). 토큰 전체를 붙여 넣었는지 확인하거나 컨택센터에서 새 토큰을 받으세요.',
};

test.describe('sign-in screen', () => {
  for (const locale of LOCALES) {
    test(`a signed-out computer shows the sign-in screen (${locale})`, async ({ page, open }) => {
      const en = locale === 'en';
      await open({ state: signedOutState({ locale }, { sipServer: true }), waitForApp: false });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(en ? 'Sign in to AgentDesk' : 'AgentDesk 로그인');
      await expect(page.getByTestId('sign-in-cc')).toHaveText('https://cc.acme.example');
      const token = page.getByLabel(en ? 'Sign-in token' : '로그인 토큰', { exact: true });
      await expect(token).toBeFocused();
      await expect(token).toHaveAttribute('type', 'password');
      await expect(page.getByLabel(en ? 'Softphone (SIP) password (optional)' : '소프트폰(SIP) 비밀번호(선택)')).toBeVisible();
      await expect(page.getByLabel(en ? 'Remember me on this computer' : '이 컴퓨터에 로그인 정보 저장')).toBeChecked();
      await expect(page.getByTestId('sign-in-remember-help')).toContainText(en ? 'encrypted by the operating system' : '운영체제가 암호화하여');
      // Nothing of the desk runs signed out.
      await expect(page.locator('.topbar')).toHaveCount(0);
      await expect(page.getByTestId('desk')).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page).toHaveTitle(en ? 'Sign in · AgentDesk' : '로그인 · AgentDesk');
      await expectAccessible(page, `sign-in ${locale}`);
      await screenshot(page, 'sign-in', locale);
    });

    test(`a refused token: the core's error in the UI language, focus back on the token (${locale})`, async ({ page, open }) => {
      const en = locale === 'en';
      const fake = await open({
        state: signedOutState({ locale }),
        waitForApp: false,
        replies: { 'auth:signIn': { ok: false, error: { code: 'auth_refused', message: 'unauthorized', text: REFUSED } } },
      });
      const token = page.getByLabel(en ? 'Sign-in token' : '로그인 토큰', { exact: true });
      await token.fill('dev:nobody');
      await page.keyboard.press('Enter');
      const alert = page.getByTestId('sign-in-error');
      await expect(alert).toHaveText(REFUSED[locale]);
      await expect(alert).toHaveAttribute('role', 'alert');
      await expect(token).toBeFocused();
      await expect(token).toHaveAttribute('aria-invalid', 'true');
      await expect(token).toHaveAttribute('aria-describedby', new RegExp(`${await alert.getAttribute('id')}$`));
      await expect.poll(fake.requests('auth:signIn')).toEqual([{ token: 'dev:nobody', remember: true }]);
      await expectAccessible(page, `sign-in error ${locale}`);
      // Typing again clears the error.
      await token.fill('dev:minji@acme.test');
      await expect(alert).toHaveCount(0);
    });
  }

  test('keyboard only: type the token, Enter signs in; the desk replaces the screen when the core says so', async ({ page, open }) => {
    const fake = await open({ state: signedOutState(), waitForApp: false, replies: { 'auth:signIn': { hold: true } } });
    // The screen puts focus on the token; keys typed before that would go nowhere.
    await expect(page.getByLabel('Sign-in token', { exact: true })).toBeFocused();
    await page.keyboard.type('  dev:minji@acme.test  ');
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('auth:signIn')).toEqual([{ token: 'dev:minji@acme.test', remember: true }]);
    const button = page.getByRole('button', { name: 'Signing in…' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByTestId('sign-in').locator('form')).toHaveAttribute('aria-busy', 'true');
    // A second Enter while busy sends nothing more.
    await page.keyboard.press('Enter');
    await fake.push(signedOutState({}, { state: 'signing-in', email: 'minji@acme.test' }));
    await expect(page.getByRole('button', { name: 'Signing in…' })).toBeVisible();
    expect(await fake.requests('auth:signIn')()).toHaveLength(1);

    await fake.release('auth:signIn', { ok: true, value: { email: 'minji@acme.test', remembered: true } });
    await fake.push(signedInState());
    await expect(page.locator('.topbar')).toBeVisible();
    await expect(page.getByTestId('desk')).toBeVisible();
    await expect(page.getByTestId('sign-in')).toHaveCount(0);
  });

  test('an empty token is caught before anything is sent; "this run only" and the SIP password reach the request', async ({ page, open }) => {
    const fake = await open({ state: signedOutState({}, { sipServer: true }), waitForApp: false });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('Enter your sign-in token.');
    await expect(page.getByLabel('Sign-in token', { exact: true })).toBeFocused();
    expect(await fake.requests('auth:signIn')()).toEqual([]);

    await page.getByLabel('Sign-in token', { exact: true }).fill('dev:minji@acme.test');
    await page.getByLabel('Show the token').check();
    await expect(page.getByLabel('Sign-in token', { exact: true })).toHaveAttribute('type', 'text');
    await page.getByLabel('Softphone (SIP) password (optional)').fill('s3cret');
    await page.getByLabel('Remember me on this computer').uncheck();
    await expect(page.getByTestId('sign-in-remember-help')).toContainText('Nothing is stored on this computer');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(fake.requests('auth:signIn')).toEqual([{ token: 'dev:minji@acme.test', remember: false, sipPassword: 's3cret' }]);
  });

  test('a saved sign-in the contact center refused is explained, in the language chosen on this screen', async ({ page, open }) => {
    const text = { en: 'The contact center no longer accepts your sign-in (unauthorized). Sign in again.', ko: '컨택센터가 더 이상 로그인을 받아들이지 않습니다(unauthorized). 다시 로그인하세요.' };
    const failed = (locale: 'en' | 'ko') => signedOutState({ locale }, { state: 'failed', error: { code: 'session_refused', text } });
    const fake = await open({ state: failed('en'), waitForApp: false });
    await expect(page.getByTestId('sign-in-error')).toHaveText(text.en);
    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(fake.requests('app:setLocale')).toEqual([{ locale: 'ko' }]);
    await fake.push(failed('ko'));
    await expect(page.getByTestId('sign-in-error')).toHaveText(text.ko);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('AgentDesk 로그인');
  });

  test('the browser host says that nothing is written to disk', async ({ page, open }) => {
    await open({ state: signedOutState(), host: 'browser', waitForApp: false });
    await expect(page.getByTestId('sign-in-remember-help')).toContainText('nothing is written to disk');
  });
});

test.describe('sign out', () => {
  for (const locale of LOCALES) {
    test(`the account panel says who is signed in and what signing out does (${locale})`, async ({ page, open }) => {
      const en = locale === 'en';
      const fake = await open({ state: signedInState({ locale, sessions: [voiceSession('S-1', 'connected')], pendingWrites: 2 }) });
      const button = page.getByTestId('user-menu');
      await expect(button).toHaveAccessibleName(en ? 'Account: Minji Kim' : '계정: Minji Kim');
      await button.click();
      const panel = page.getByTestId('user-menu-panel');
      await expect(panel).toContainText(en ? 'Signed in as minji@acme.test' : 'minji@acme.test(으)로 로그인됨');
      await expect(panel).toContainText(en ? 'You are on 1 session(s)' : '진행 중인 세션이 1개');
      await expect(panel).toContainText(en ? '2 CRM write(s) are not finished' : '완료되지 않은 CRM 저장 작업이 2개');
      await expectAccessible(page, `account panel ${locale}`);
      await screenshot(page, 'account-menu', locale);
      await panel.getByRole('button', { name: en ? 'Sign out' : '로그아웃' }).click();
      await expect.poll(fake.requests('auth:signOut')).toEqual([{}]);
      await fake.push(signedOutState({ locale }));
      await expect(page.getByTestId('sign-in')).toBeVisible();
      await expect(page.locator('.topbar')).toHaveCount(0);
    });
  }

  test('keyboard only: open with Enter, Tab to "Sign out", Escape closes and returns focus', async ({ page, open }) => {
    const fake = await open({ state: signedInState() });
    const button = page.getByTestId('user-menu');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('user-menu-panel')).toHaveCount(0);
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('auth:signOut')).toEqual([{}]);
  });

  test('a refused sign-out is reported', async ({ page, open }) => {
    await open({ state: signedInState(), replies: { 'auth:signOut': { ok: false, error: { code: 'unavailable', message: 'the core is gone' } } } });
    await page.getByTestId('user-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('Could not sign out.')).toBeVisible();
  });
});
