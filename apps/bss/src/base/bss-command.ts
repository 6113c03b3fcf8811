import 'reflect-metadata';
import { Command, Flags, type Interfaces } from '@oclif/core';
import type { Type } from '@nestjs/common';
import { ERROR_CODES, isBssError, type ErrorWire, PolicyViolation } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { bootCliApp, type CliApp } from './cli-app';
import { needsEveryContext } from './context-modules';

export type BssFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BssCommand)['baseFlags'] & T['flags']>;

/** Exit codes: 0 ok, 1 unexpected failure, 2 the user's input or a domain rule said no. */
export const EXIT_USER_ERROR = 2;

/**
 * Base of every `bss` verb: `--json` gives `{status, result, warnings}` (errors
 * `{status, code, rule?, message, context}`), people get `render(result)`. Domain errors print
 * `POLICY_VIOLATION <rule>  <message>` (or `<CODE>  <message>`) and exit 2.
 */
export abstract class BssCommand<T> extends Command {
  static override enableJsonFlag = true;

  private cliApp?: CliApp;
  protected readonly warnings: string[] = [];

  /** The command's work; returns what `--json` prints as `result`. */
  protected abstract execute(): Promise<T>;

  /** Human output for `result`; return undefined to print nothing. */
  protected abstract render(result: T): string | undefined;

  async run(): Promise<T> {
    const result = await runWithAuth({ actor: process.env.BSS_CLI_ACTOR || 'cli-user', channel: 'cli', serviceIdentity: 'default' }, () => this.execute());
    if (!this.jsonEnabled()) {
      const text = this.render(result);
      if (text !== undefined) this.log(text);
    }
    return result;
  }

  /** A linked domain service (command or query class). Boots the app context on first use. */
  protected async service<S>(type: Type<S> | (abstract new (...args: never[]) => S) | { prototype: S }): Promise<S> {
    this.cliApp ??= await bootCliApp({ everyContext: needsEveryContext(this.id) });
    return this.cliApp.context.get(type as Type<S>, { strict: false });
  }

  /** Warnings go to stderr for people and into `warnings` for `--json`. */
  protected addWarning(message: string): void {
    this.warnings.push(message);
    process.stderr.write(`warning: ${message}\n`);
  }

  /** Destructive verbs: refuse unless the operator passed --yes. */
  protected requireYes(yes: boolean | undefined, what: string): void {
    if (!yes) {
      throw new PolicyViolation('cli.destructive.requires_yes', `${what} is destructive; re-run with --yes to confirm`, { verb: this.id });
    }
  }

  protected override toSuccessJson(result: unknown): unknown {
    return { status: 0, result, warnings: this.warnings };
  }

  protected override toErrorJson(error: unknown): unknown {
    const wire: ErrorWire = isBssError(error)
      ? error.toWire()
      : { code: ERROR_CODES.internal, message: (error as Error)?.message ?? String(error), context: {} };
    return { status: isBssError(error) ? EXIT_USER_ERROR : 1, ...wire };
  }

  override async catch(error: Error & { exitCode?: number; oclif?: unknown }): Promise<unknown> {
    if (!isBssError(error)) return super.catch(error);
    process.exitCode = EXIT_USER_ERROR;
    if (this.jsonEnabled()) {
      this.logJson(this.toErrorJson(error));
    } else {
      const head = error instanceof PolicyViolation ? `POLICY_VIOLATION ${error.rule}` : error.code;
      process.stderr.write(`${head}  ${error.message}\n`);
    }
    return undefined;
  }

  protected override async finally(error: Error | undefined): Promise<unknown> {
    await this.cliApp?.close();
    this.cliApp = undefined;
    return super.finally(error);
  }
}

export const yesFlag = Flags.boolean({ description: 'Confirm a destructive operation', default: false });
export const limitFlag = Flags.integer({ description: 'How many rows at most', default: 20, min: 1, max: 1000 });
