import { Flags } from '@oclif/core';
import { EmailQueries, type EmailView } from '@bss/notifications';
import { normaliseEmail } from '@bss/identity';
import { renderList } from '@bss/web';
import { BssCommand, limitFlag } from '#bss/base/bss-command';

export default class AdminEmailList extends BssCommand<EmailView[]> {
  static override summary = 'Show recent outgoing emails (the dev outbox): sign-in and step-up codes, email-change codes';
  static override description = 'Lets a person sign in to the portal without a mail server: the newest message to an address carries its code.';
  static override examples = ['<%= config.bin %> admin email list', '<%= config.bin %> admin email list --to ada@example.com', '<%= config.bin %> admin email list --to ada@example.com --json'];
  static override flags = {
    to: Flags.string({ description: 'Only messages to this address (case-insensitive)' }),
    limit: limitFlag,
  };

  protected async execute(): Promise<EmailView[]> {
    const { flags } = await this.parse(AdminEmailList);
    const to = flags.to === undefined ? undefined : normaliseEmail(flags.to, 'to');
    return (await this.service(EmailQueries)).list({ to, limit: flags.limit });
  }

  protected render(emails: EmailView[]): string {
    const list = renderList(
      'Outgoing email',
      [
        { header: 'Id', value: (e) => String(e.id) },
        { header: 'Created', value: (e) => e.createdAt.replace('T', ' ').slice(0, 19) },
        { header: 'To', value: (e) => e.to, maxWidth: 32 },
        { header: 'Kind', value: (e) => e.kind },
        { header: 'Subject', value: (e) => e.subject, maxWidth: 48 },
        { header: 'Sent', value: (e) => (e.sentAt ? 'yes' : e.provider === 'outbox' ? 'outbox' : 'queued') },
      ],
      emails,
    );
    const newest = emails[0];
    return newest ? `${list}\n\nNewest message (${newest.to}):\n${newest.body}` : list;
  }
}
