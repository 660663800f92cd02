import { expect } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium; never a downloaded browser. */
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
  await expect.poll(() => page.locator("#action-link").count()).toBe(1);
  await page.locator("#action-link").click();
  await page.waitForLoadState("domcontentloaded");
}

/** Signs the browser in through the sign-in form and the mailbox. */
export async function signIn(page: Page, baseUrl: string, email: string, next = "/"): Promise<void> {
  await page.goto(`${baseUrl}/signin?next=${encodeURIComponent(next)}`);
  await page.fill("#email", email);
  await page.click("form[action='/signin'] button[type=submit]");
  await expect(page.locator("h1").textContent()).resolves.toBe("Check your email");
  await followSignInEmail(page, baseUrl, email);
}

/** The CSRF token rendered into the current page's forms. */
export async function csrfOf(page: Page): Promise<string> {
  const value = await page.locator("input[name=_csrf]").first().getAttribute("value");
  if (!value) throw new Error("no CSRF field on the page");
  return value;
}
