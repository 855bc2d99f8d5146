import type { Key, TenantScope } from './keys.ts';

/**
 * The billing module's key builders, spread into `tenantKeys` (keys.ts): claims with their
 * remittance parts, the ledger's monthly and A/R items, remittances and their chunk markers, the
 * payer and provider directory with payer rules, fee schedules, and credentialing.
 */
export const billingKeys = {
  /** A claim and its remittance parts in one partition: the claim's page is one Query. */
  claimPartition: (s: TenantScope, claimId: string) => `T#${s.tenantId}#CLAIM#${claimId}`,
  claim: (s: TenantScope, claimId: string): Key => ({ PK: `T#${s.tenantId}#CLAIM#${claimId}`, SK: 'CLAIM' }),
  claimPayment: (s: TenantScope, claimId: string, paymentDate: string, trace: string, n: number): Key => ({
    PK: `T#${s.tenantId}#CLAIM#${claimId}`,
    SK: `PAY#${paymentDate}#${trace}#${String(n).padStart(3, '0')}`,
  }),
  claimPaymentPrefix: 'PAY#',
  /** GSI1: claims in one state (denied, partly paid…) by date of service. */
  claimsInState: (s: TenantScope, state: string) => `T#${s.tenantId}#CLAIMS#STATE#${state}`,
  /** GSI2: open or closed claims by date of service. */
  claimsOpen: (s: TenantScope, open: boolean) => `T#${s.tenantId}#CLAIMS#${open ? 'OPEN' : 'CLOSED'}`,
  claimServiceSort: (serviceDate: string, claimId: string) => `${serviceDate}#${claimId}`,
  /**
   * The claimServiceSort range of services from `from` to `to`, both days included. `$` sorts right
   * after `#`, so `${to}$` bounds every claim id of the last day, whatever characters the id uses.
   */
  claimServiceRange: (from = '0000-01-01', to = '9999-12-31'): [string, string] => [`${from}#`, `${to}$`],
  /** The ledger's monthly totals, one item per month and payer, sorted by month. */
  billingLedgerPartition: (s: TenantScope) => `T#${s.tenantId}#BILL#LEDGER`,
  billingLedgerMonth: (s: TenantScope, month: string, payer: string): Key => ({
    PK: `T#${s.tenantId}#BILL#LEDGER`,
    SK: `M#${month}#${payer}`,
  }),
  billingLedgerMonths: (from: string, to: string): [string, string] => [`M#${from}#`, `M#${to}#~`],
  /** A/R balances by day of service, one item per service month and payer. */
  billingArPartition: (s: TenantScope) => `T#${s.tenantId}#BILL#AR`,
  billingArMonth: (s: TenantScope, serviceMonth: string, payer: string): Key => ({
    PK: `T#${s.tenantId}#BILL#AR`,
    SK: `S#${serviceMonth}#${payer}`,
  }),
  /** An imported remittance: payer and trace number are its identity (a re-import finds it). */
  remittancePartition: (s: TenantScope) => `T#${s.tenantId}#BILL#REMIT`,
  remittance: (s: TenantScope, payerId: string, trace: string): Key => ({
    PK: `T#${s.tenantId}#BILL#REMIT`,
    SK: `R#${payerId}#${trace}`,
  }),
  /** GSI1: remittances by payment date. */
  remittancesByDate: (s: TenantScope) => `T#${s.tenantId}#BILL#REMITS`,
  remittanceDateSort: (paymentDate: string, payerId: string, trace: string) =>
    `${paymentDate}#${payerId}#${trace}`,
  /** One marker per written chunk of a remittance: an interrupted import resumes where it stopped. */
  remittanceChunk: (s: TenantScope, payerId: string, trace: string, n: number): Key => ({
    PK: `T#${s.tenantId}#BILL#REMITCHUNK`,
    SK: `R#${payerId}#${trace}#${String(n).padStart(5, '0')}`,
  }),
  remittanceChunkPartition: (s: TenantScope) => `T#${s.tenantId}#BILL#REMITCHUNK`,
  remittanceChunkPrefix: (payerId: string, trace: string) => `R#${payerId}#${trace}#`,
  /** The payers and rendering providers seen on claims: names for filters and labels. */
  billingDirectoryPartition: (s: TenantScope) => `T#${s.tenantId}#BILL#DIR`,
  billingPayer: (s: TenantScope, payerId: string): Key => ({
    PK: `T#${s.tenantId}#BILL#DIR`,
    SK: `PAYER#${payerId}`,
  }),
  billingProvider: (s: TenantScope, npi: string): Key => ({
    PK: `T#${s.tenantId}#BILL#DIR`,
    SK: `PROV#${npi}`,
  }),
  /** Credentialing: one record per provider × payer, all in one partition (the grid is one Query). */
  credentialingPartition: (s: TenantScope) => `T#${s.tenantId}#BILL#CRED`,
  credentialing: (s: TenantScope, npi: string, payerId: string): Key => ({
    PK: `T#${s.tenantId}#BILL#CRED`,
    SK: `C#${npi}#${payerId}`,
  }),
  /** A provider's CAQH profile (re-attested every 120 days), beside their credentialing records. */
  caqhProfile: (s: TenantScope, npi: string): Key => ({ PK: `T#${s.tenantId}#BILL#CRED`, SK: `CAQH#${npi}` }),
  /**
   * The link between a Rounds login and a billing NPI, kept twice beside credentialing: by NPI (the
   * grid reads it in its one Query) and by login (a provider's own figures are one GetItem away).
   */
  providerLoginByNpi: (s: TenantScope, npi: string): Key => ({
    PK: `T#${s.tenantId}#BILL#CRED`,
    SK: `LOGIN#NPI#${npi}`,
  }),
  providerLoginByUser: (s: TenantScope, userId: string): Key => ({
    PK: `T#${s.tenantId}#BILL#CRED`,
    SK: `LOGIN#USER#${userId}`,
  }),
  providerLoginByNpiPrefix: 'LOGIN#NPI#',
  /** A payer's fee schedule: the contracted allowed amount per code and modifier, one partition per payer. */
  feeSchedulePartition: (s: TenantScope, payerId: string) => `T#${s.tenantId}#BILL#FEE#${payerId}`,
  feeScheduleEntry: (s: TenantScope, payerId: string, code: string, modifier: string): Key => ({
    PK: `T#${s.tenantId}#BILL#FEE#${payerId}`,
    SK: `CODE#${code}#${modifier || '-'}`,
  }),
  /** Per-payer billing rules (timely filing and appeal windows) and the contract with the payer. */
  payerSettings: (s: TenantScope, payerId: string): Key => ({
    PK: `T#${s.tenantId}#BILL#DIR`,
    SK: `RULES#${payerId}`,
  }),
};
