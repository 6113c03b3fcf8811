import { chunkMarkdown, githubAnchor } from './chunker';

const DOC = `---
title: ignored
---
# API token rotation

Tokens guard every app.

## Rotate a token

Run the thing.

\`\`\`sh
## not a heading
\`\`\`

### Check it

Call /health.

## Rotate a token

Again.
`;

describe('chunkMarkdown', () => {
  it('splits at ## headings, keeps the heading in the chunk, anchors the preamble by file name', () => {
    const chunks = chunkMarkdown('docs/runbooks/api-token-rotation.md', DOC, 'runbook');
    expect(chunks.map((c) => c.anchor)).toEqual(['api-token-rotation', 'rotate-a-token', 'rotate-a-token-1']);
    expect(chunks[0]!.content).toBe('# API token rotation\n\nTokens guard every app.');
    expect(chunks[1]!.content).toContain('## not a heading');
    expect(chunks[1]!.content).toContain('### Check it');
    expect(chunks[1]!.headingPath).toBe('API token rotation → Rotate a token');
    expect(chunks[1]!.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('splits at ### too for the handbook, with the ancestors in the heading path', () => {
    const chunks = chunkMarkdown('docs/handbook.md', DOC, 'handbook', { deep: true });
    expect(chunks.map((c) => c.anchor)).toEqual(['handbook', 'rotate-a-token', 'check-it', 'rotate-a-token-1']);
    expect(chunks[2]!.headingPath).toBe('API token rotation → Rotate a token → Check it');
  });

  it('hashes content, so an unchanged section keeps its hash', () => {
    const [a] = chunkMarkdown('x.md', '# T\n\nbody', 'runbook');
    const [b] = chunkMarkdown('x.md', '# T\n\nbody', 'runbook');
    const [c] = chunkMarkdown('x.md', '# T\n\nbody!', 'runbook');
    expect(a!.contentHash).toBe(b!.contentHash);
    expect(a!.contentHash).not.toBe(c!.contentHash);
  });

  it('anchors like GitHub', () => {
    expect(githubAnchor('Rotate the `operator_cockpit` token (no restart)!')).toBe('rotate-the-operator_cockpit-token-no-restart');
  });
});
