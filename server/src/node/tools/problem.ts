// A tool run that produced no output to interpret, as a report problem.
import type { ToolResult } from './run';
import type { ToolReport } from './types';

export function problemOf(result: ToolResult): NonNullable<ToolReport['problem']> {
  switch (result.status) {
    case 'not-found':
    case 'refused':
    case 'failed':
    case 'timeout':
    case 'truncated':
      return { kind: result.status, message: result.message };
    case 'cancelled':
      return { kind: 'cancelled', message: 'cancelled' };
    case 'exited':
      return { kind: 'failed', message: `exited with ${result.exitCode ?? result.signal}` };
  }
}
