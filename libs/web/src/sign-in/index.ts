export * from './email-sign-in.controller';
