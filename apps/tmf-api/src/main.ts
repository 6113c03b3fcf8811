import { runHttpApp } from '@bss/web';
import { APP_DEFINITION } from './app.definition';

void runHttpApp(APP_DEFINITION);
