import type { ToolResultRenderer } from '@bss/conversation';
import { renderToolResult } from '@bss/web';

/** The REPL's tool cards are @bss/web's, the same the cockpit's browser thread shows for the same result. */
export const cardRenderer: ToolResultRenderer = (toolName, result) => renderToolResult(toolName, result);
