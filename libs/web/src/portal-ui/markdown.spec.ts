import { renderReplyMarkdown } from './markdown';

describe('renderReplyMarkdown (the model wrote it: untrusted)', () => {
  it('renders the markdown a reply uses: emphasis, lists, code', () => {
    const html = renderReplyMarkdown('Line **SUB-0001** is `active`.\n\n- renew\n- terminate');
    expect(html).toContain('<strong>SUB-0001</strong>');
    expect(html).toContain('<code>active</code>');
    expect(html).toMatch(/<ul>\s*<li>renew<\/li>\s*<li>terminate<\/li>\s*<\/ul>/);
  });

  it('shows raw HTML as text: an injected <img onerror> stays inert, inline or as a block', () => {
    for (const reply of ['<img src=x onerror=alert(1)>', 'Done <img src=x onerror=alert(1)> ok', '<script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>']) {
      const html = renderReplyMarkdown(reply);
      expect(html).not.toMatch(/<(img|script|a)\b/i);
      expect(html).toContain('&lt;');
    }
  });

  it('keeps http(s), mailto and same-site links; a javascript:, data: or //host link is its text alone', () => {
    expect(renderReplyMarkdown('[360](/customers/CUST-1)')).toContain('<a href="/customers/CUST-1" rel="noopener noreferrer nofollow">360</a>');
    expect(renderReplyMarkdown('[docs](https://example.com/a?b=1&c=2)')).toContain('href="https://example.com/a?b=1&amp;c=2"');
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x', '/\\evil.example']) {
      const html = renderReplyMarkdown(`[click](${href})`);
      expect(html).not.toContain('<a ');
      expect(html).toContain('click');
    }
  });

  it('renders an image as its alt text (no remote fetch, no onerror)', () => {
    const html = renderReplyMarkdown('![chart" onerror="alert(1)](https://evil.example/x.png)');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
  });

  it('escapes code blocks', () => {
    expect(renderReplyMarkdown('```\n<b>bold</b>\n```')).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });
});
