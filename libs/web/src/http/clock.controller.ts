import { Controller, Get } from '@nestjs/common';
import { Clock, type ClockState } from '@bss/platform';

/** Machine API (behind the named-token perimeter): the shared simulated clock. */
@Controller('api/v1/clock')
export class ClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  now(): Promise<ClockState> {
    return this.clock.state();
  }
}
