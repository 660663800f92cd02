import type { Page } from "playwright-core";

export { followSignInEmail, launchBrowser, signIn } from "@opentrain-ai/testkit";

/** The CSRF token rendered into the current page's forms. */
export async function csrfOf(page: Page): Promise<string> {
  const value = await page.locator("input[name=_csrf]").first().getAttribute("value");
  if (!value) throw new Error("no CSRF field on the page");
  return value;
}
