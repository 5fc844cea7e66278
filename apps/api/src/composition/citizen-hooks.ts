import { Logger } from '@nestjs/common';
import type { ApiConfig } from '@ioc/config';
import type { ReportIntakeService } from '@ioc/indicators';
import type { LiveOperations } from '@ioc/live';
import type { CitizenHooks } from './citizen';
import { residentNotifier } from './citizen-notifier';

/** The platform's own indicator feed the citizen-report rates are stored under (migration 0051). */
export const CITIZEN_FEED = 'phan-anh-hien-truong';

const log = new Logger('citizen');

/**
 * The server's plugs into libs/citizen: changes to the live side (WS `citizen`), resident
 * messages to the webhook and SMS gateway, computed rates to libs/indicators as the built-in
 * feed. `started` holds what is built after the store services (live, indicator intake).
 */
export function citizenHooks(
  config: ApiConfig,
  started: { live?: LiveOperations; reports?: ReportIntakeService },
  clock?: () => Date,
): CitizenHooks {
  return {
    provinceCode: config.IOC_PROVINCE,
    reopenDays: config.CITIZEN_REOPEN_DAYS,
    publicUrl: config.PUBLIC_URL,
    onChanged: (change, previousUnitCode) => {
      started.live?.citizenChanged(change, previousUnitCode);
    },
    notifier: residentNotifier({
      webhookUrl: config.CITIZEN_WEBHOOK_URL,
      smsUrl: config.CITIZEN_SMS_URL,
      ...(clock ? { clock } : {}),
    }),
    indicators: {
      record: async (rows) => {
        if (!started.reports) return;
        const receipt = await started.reports.recordComputed(
          CITIZEN_FEED,
          rows,
          'platform:citizen',
        );
        for (const r of receipt.rejected) {
          log.warn(`citizen indicator ${r.indicator} ${r.unitCode} ${r.period}: ${r.messageEn}`);
        }
      },
    },
    onBackgroundError: (what, err) => {
      log.warn(`citizen ${what} failed: ${(err as Error).message}`);
    },
  };
}
