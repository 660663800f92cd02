import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * From the "Check your email" page: opens the sandbox mailbox of `email`, opens the newest
 * sign-in email and follows its link (which signs the browser in and redirects to `next`).
 */
export async function followSignInEmail(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/mailbox?to=${encodeURIComponent(email)}`);
  await page.locator("a.email-link", { hasText: "Your OpenTrain sign-in link" }).first().click();
  await page.locator("#action-link").waitFor();
  await page.locator("#action-link").click();
  await page.waitForLoadState("domcontentloaded");
}

/** Signs the browser in through the sign-in form and the mailbox. */
export async function signIn(page: Page, baseUrl: string, email: string, next = "/"): Promise<void> {
  await page.goto(`${baseUrl}/signin?next=${encodeURIComponent(next)}`);
  await page.fill("#email", email);
  await page.click("form[action='/signin'] button[type=submit]");
  await page.locator("h1", { hasText: "Check your email" }).waitFor();
  await followSignInEmail(page, baseUrl, email);
}
