import { useState } from 'react';
import { exportPath, fetchExport, type ExportFormat } from '../../../shared/api/reports';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'json'];

/**
 * Links to the period's exports. The API wants the session's bearer token, which a plain link
 * cannot send, so a click fetches the file and saves it; the href still names the address.
 */
export function ExportLinks({
  unit,
  period,
  label,
}: {
  unit: string;
  period: string;
  label?: string;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const download = (format: ExportFormat): void => {
    setProblem(null);
    fetchExport(format, unit, period)
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `bao-cao-${unit}-${period}.${format}`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => {
          URL.revokeObjectURL(url);
        }, 10_000);
      })
      .catch((err: unknown) => {
        setProblem(errorText(t, err));
      });
  };
  return (
    <span className="report-exports">
      {label !== undefined && <span className="report-exports-label">{label}</span>}
      {FORMATS.map((f) => (
        <a
          key={f}
          href={exportPath(f, unit, period)}
          className="admin-button-link"
          data-testid={`export-${f}`}
          data-unit={unit}
          onClick={(e) => {
            e.preventDefault();
            download(f);
          }}
        >
          {t(f === 'xlsx' ? 'reports.export.xlsx' : 'reports.export.json')}
        </a>
      ))}
      {problem !== null && (
        <span className="admin-inline-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
