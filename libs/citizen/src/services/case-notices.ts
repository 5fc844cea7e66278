import type { CitizenStatus } from '@ioc/contracts';

const SAID: Record<CitizenStatus, string> = {
  received: 'đã được tiếp nhận',
  assigned: 'đã được giao cho cơ quan xử lý',
  in_progress: 'đang được xử lý',
  resolved: 'đã được giải quyết',
  rejected: 'không được tiếp nhận xử lý',
};

/** The Vietnamese text a resident receives when their case changes status. */
export function noticeText(
  code: string,
  status: CitizenStatus,
  publicUrl: string | undefined,
  transferredTo?: string,
): string {
  const what =
    transferredTo === undefined ? SAID[status] : `đã được chuyển đến ${transferredTo} để xử lý`;
  const link =
    publicUrl === undefined
      ? ''
      : ` Xem: ${publicUrl.replace(/\/+$/, '')}/phan-anh/tra-cuu/${code}`;
  return `Phản ánh ${code} của bạn ${what}.${link}`;
}
