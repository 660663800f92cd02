import { badRequest } from "../../errors.js";
import type { CardInput } from "../../services/billing/payment-provider.js";
import { html, type SafeHtml } from "../html.js";

/** The test cards, shown on the sandbox card forms. */
export const TEST_CARDS_HELP = html`<p class="muted small" id="test-cards">
  Sandbox: no real card is charged. Use <code>4242 4242 4242 4242</code> (succeeds),
  <code>4000 0000 0000 0002</code> (declined) or <code>4000 0000 0000 0341</code> (can be saved, later charges are
  declined), any future expiry and any CVC.
</p>`;

export interface CardForm {
  number: string;
  expiry: string;
  /** Never echoed back into the page. */
  cvc: string;
}

export const EMPTY_CARD_FORM: CardForm = { number: "", expiry: "", cvc: "" };

/** Card number, expiry and CVC inputs (the CVC is never rendered back). */
export function cardFields(form: CardForm): SafeHtml {
  return html`<label for="card-number">Card number</label>
    <input
      id="card-number"
      type="text"
      name="cardNumber"
      inputmode="numeric"
      autocomplete="cc-number"
      maxlength="23"
      required
      value="${form.number}"
      placeholder="4242 4242 4242 4242"
    />
    <label for="card-expiry">Expiry (MM/YY)</label>
    <input
      id="card-expiry"
      type="text"
      name="expiry"
      autocomplete="cc-exp"
      maxlength="7"
      required
      value="${form.expiry}"
      placeholder="12/34"
    />
    <label for="card-cvc">CVC</label>
    <input id="card-cvc" type="text" name="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required />`;
}

/** Validates the card fields; a 400 with what to fix otherwise. */
export function parseCardForm(form: CardForm, now: Date): CardInput {
  const number = form.number.replace(/[\s-]+/g, "");
  if (!/^[0-9]{12,19}$/.test(number)) throw badRequest("Enter the card number: 12 to 19 digits, spaces allowed.");
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(form.expiry);
  if (!m) throw badRequest("Enter the expiry as MM/YY, e.g. 12/34.");
  const expMonth = Number(m[1]);
  const expYear = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (expMonth < 1 || expMonth > 12) throw badRequest("The expiry month must be between 01 and 12.");
  // A card is valid through the last day of its expiry month.
  if (Date.UTC(expYear, expMonth, 1) <= now.getTime()) throw badRequest("This card has expired: check the expiry.");
  if (!/^[0-9]{3,4}$/.test(form.cvc.trim())) throw badRequest("Enter the 3 or 4 digit CVC from the back of the card.");
  return { number, expMonth, expYear };
}
