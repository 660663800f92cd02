import { buildView, type TextView } from "../../src/services/job-drafts/parse/text.js";

/** Text view of a snippet, as every extractor receives it. */
export function view(text: string): TextView {
  return buildView(text);
}
