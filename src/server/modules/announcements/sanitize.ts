// 重要通知 bodies are rich text: stored as HTML cleaned by sanitize-html against a small allow-list, so the web UI
// can render them as they are (no scripts, styles, event handlers, frames or foreign images). sanitize-html (with
// postcss and htmlparser2, ~0.4 MB of code) is loaded with the first notice published, not at every start-up.
import type sanitizeHtml from 'sanitize-html';

type Sanitize = typeof sanitizeHtml;
let loaded: Promise<Sanitize> | undefined;
const loadSanitizeHtml = (): Promise<Sanitize> => {
  loaded ??= import('sanitize-html').then((m) => m.default);
  return loaded;
};

const options = (sanitize: Sanitize): sanitizeHtml.IOptions => ({
  allowedTags: [
    'p',
    'div',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'blockquote',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'span',
  ],
  allowedAttributes: { a: ['href', 'target', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitize.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
    h1: 'h3',
    h2: 'h3',
  },
});

export async function sanitizeNoticeHtml(html: string): Promise<string> {
  const sanitize = await loadSanitizeHtml();
  return sanitize(html, options(sanitize)).trim();
}

/** The visible text of sanitized HTML, to refuse an empty body. */
export async function plainText(html: string): Promise<string> {
  const sanitize = await loadSanitizeHtml();
  return sanitize(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '');
}
