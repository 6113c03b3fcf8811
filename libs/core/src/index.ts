export * from './bss-core.module';
