import { Marked, type Tokens } from 'marked';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Link targets a reply may carry: the web, mail, and this site's own paths; never `javascript:`, `data:` or `//host`. */
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;

/**
 * Markdown for text the model wrote (replies in the cockpit's conversation). The model's output
 * is untrusted: raw HTML in it is shown as text, never parsed (`<img src=x onerror=…>` stays
 * inert), links keep only safe targets (else the link text alone), and images render as their alt
 * text (the CSP would refuse a remote one anyway). Everything else is marked's own escaping.
 */
const replyMarkdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      const href = token.href.trim();
      if (!SAFE_HREF.test(href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer nofollow">${text}</a>`;
    },
    image(token: Tokens.Image): string {
      return escapeHtml(token.text);
    },
  },
});

/** A model's reply as safe HTML (see `replyMarkdown`). */
export function renderReplyMarkdown(text: string): string {
  return replyMarkdown.parse(text ?? '') as string;
}
