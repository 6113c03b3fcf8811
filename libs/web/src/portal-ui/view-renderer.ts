import { resolve, sep } from 'node:path';
import type * as Pug from 'pug';
import { SHARED_VIEWS_DIR } from '#web/http/bootstrap-http-app';

export type ViewLocals = Record<string, unknown>;

let pugModule: typeof Pug | undefined;
/** pug (and its Babel parser) loads on the first render, not whenever this library is imported. */
function pug(): typeof Pug {
  pugModule ??= require('pug') as typeof Pug;
  return pugModule;
}

/**
 * Compiles each pug template once and keeps the function (set `BSS_VIEWS_NOCACHE=1` while editing
 * templates). App templates live in the app's folder; `extends /layouts/base` and
 * `include /mixins/ui` resolve from the shared libs/web/views.
 */
export class ViewRenderer {
  private readonly compiled = new Map<string, Pug.compileTemplate>();
  private readonly cache = process.env.BSS_VIEWS_NOCACHE !== '1';

  constructor(readonly appViewsDir: string) {}

  render(view: string, locals: ViewLocals): string {
    // Keyed by view name: a hit skips the path work, which showed in the profile of hot pages.
    let template = this.cache ? this.compiled.get(view) : undefined;
    if (!template) {
      const file = resolve(this.appViewsDir, `${view}.pug`);
      if (!file.startsWith(resolve(this.appViewsDir) + sep)) throw new Error(`View ${view} escapes ${this.appViewsDir}`);
      template = pug().compileFile(file, { basedir: SHARED_VIEWS_DIR });
      if (this.cache) this.compiled.set(view, template);
    }
    return template(locals);
  }
}
