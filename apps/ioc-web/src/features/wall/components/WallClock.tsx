import { formatDate, formatTime } from '../../../shared/i18n/format';

export function WallClock({ now }: { now: number }) {
  const date = new Date(now);
  return (
    <div className="wall-clock" data-testid="wall-clock">
      <time className="wall-clock-time" dateTime={date.toISOString()}>
        {formatTime(date)}
      </time>
      <span className="wall-clock-date">{formatDate(date)}</span>
    </div>
  );
}
