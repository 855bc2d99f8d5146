import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { Attendance, AttendanceInput } from '../../../../shared/schemas/hr-attendance.ts';
import type {
  ExportLayout,
  PayPeriodDetail,
  PayPeriodSummary,
  PayrollAdjustmentInput,
  PaySchedule,
  PayScheduleInput,
} from '../../../../shared/schemas/hr-payroll.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';

/** The practice's payroll settings: pay schedule (version 0: Rounds' default until saved) and ADP account. */
export const getPaySchedule = query(() => api<PaySchedule>('/hr/payroll/schedule'), 'hrPaySchedule');

/** Pay periods newest first, paged. */
export const listPayPeriods = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<PayPeriodSummary>>('/hr/payroll/periods', { query: { cursor, limit } }),
  'hrPayPeriods',
);

/** One period: lines per person, totals, adjustments, and (open) its shifts with attendance. */
export const getPayPeriod = query(
  (id: string) => api<PayPeriodDetail>(`/hr/payroll/periods/${encodeURIComponent(id)}`),
  'hrPayPeriod',
);

const KEYS = [getPayPeriod.key, listPayPeriods.key];

export const savePaySchedule = (body: PayScheduleInput) =>
  mutate(api<PaySchedule>('/hr/payroll/schedule', { method: 'PUT', body }), [getPaySchedule.key, ...KEYS]);

export const addPayrollAdjustment = (periodId: string, body: PayrollAdjustmentInput) =>
  mutate(
    api<PayPeriodDetail>(`/hr/payroll/periods/${encodeURIComponent(periodId)}/adjustments`, {
      method: 'POST',
      body,
    }),
    KEYS,
  );

export const removePayrollAdjustment = (periodId: string, adjustmentId: string, version: number) =>
  mutate(
    api<PayPeriodDetail>(`/hr/payroll/periods/${encodeURIComponent(periodId)}/adjustments/remove`, {
      method: 'POST',
      body: { adjustmentId, version },
    }),
    KEYS,
  );

/** Opens the schedule's period starting `start` for review (201). */
export const openPayPeriod = (start: string) =>
  mutate(api<PayPeriodDetail>('/hr/payroll/periods', { method: 'POST', body: { start } }), [
    ...KEYS,
    getPaySchedule.key,
  ]);

export const lockPayPeriod = (periodId: string, version: number) =>
  mutate(
    api<PayPeriodDetail>(`/hr/payroll/periods/${encodeURIComponent(periodId)}/lock`, {
      method: 'POST',
      body: { version },
    }),
    KEYS,
  );

/** The period's CSV text in a layout (the export is audited; ADP's is refused while something is missing). */
export const exportPayPeriod = (periodId: string, layout: ExportLayout) =>
  api<{ fileName: string; csv: string }>(`/hr/payroll/periods/${encodeURIComponent(periodId)}/export`, {
    query: { layout },
  });

/** Logs (version 0) or corrects a shift's attendance; the period's hours follow. */
export const recordAttendance = (shiftId: string, body: AttendanceInput) =>
  mutate(
    api<Attendance>(`/hr/shifts/${encodeURIComponent(shiftId)}/attendance`, { method: 'POST', body }),
    KEYS,
  );

export const removeAttendance = (shiftId: string, version: number) =>
  mutate(
    api<void>(`/hr/shifts/${encodeURIComponent(shiftId)}/attendance/remove`, {
      method: 'POST',
      body: { version },
    }),
    KEYS,
  );
