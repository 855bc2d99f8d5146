/**
 * The Claim Adjustment Reason Codes (X12 CARC list) a practice sees most, each with its category and
 * the code's official meaning shortened to plain words. The words are ours; where they differ from
 * the X12 text, the X12 text governs. Read through adjustment-codes.ts.
 */

/** Why money was adjusted or denied, grouped by who could have done something about it. */
export type CarcCategory =
  | 'eligibility'
  | 'authorization'
  | 'registration'
  | 'coding'
  | 'timely_filing'
  | 'duplicate'
  | 'medical_necessity'
  | 'coordination_of_benefits'
  | 'contractual'
  | 'patient_responsibility'
  | 'other';

/** Code → [category, plain words]. */
export const CARC: Record<string, readonly [CarcCategory, string]> = {
  '1': ['patient_responsibility', "The patient's deductible: the patient owes this amount."],
  '2': ['patient_responsibility', "The patient's coinsurance: the patient owes this share."],
  '3': ['patient_responsibility', "The patient's copay: the patient owes this amount."],
  '4': ['coding', 'The procedure code does not fit the modifier billed, or a required modifier is missing.'],
  '5': ['coding', 'The procedure code (or type of bill) does not fit the place of service.'],
  '6': ['coding', "The procedure does not fit the patient's age."],
  '7': ['coding', "The procedure does not fit the patient's sex."],
  '8': ['coding', "The procedure does not fit the provider's type or specialty."],
  '11': ['coding', 'The diagnosis does not fit the procedure billed.'],
  '15': [
    'authorization',
    'The authorization number is missing, invalid, or is not for these services or this provider.',
  ],
  '16': ['coding', 'The claim is missing information or has a billing error; the remark code says which.'],
  '18': ['duplicate', 'Exact duplicate of a claim or service already received.'],
  '19': [
    'coordination_of_benefits',
    "Work-related injury or illness: bill the workers' compensation carrier.",
  ],
  '20': ['coordination_of_benefits', 'Injury or illness covered by a liability carrier: bill that carrier.'],
  '21': [
    'coordination_of_benefits',
    "Injury or illness is the no-fault carrier's to pay: bill that carrier.",
  ],
  '22': ['coordination_of_benefits', 'Another payer may cover this first (coordination of benefits).'],
  '23': ['coordination_of_benefits', 'Reduced by what an earlier payer already paid or adjusted.'],
  '24': ['contractual', 'Covered under a capitation or managed-care agreement: not paid per claim.'],
  '26': ['eligibility', "The service was before the patient's coverage started."],
  '27': ['eligibility', "The service was after the patient's coverage ended."],
  '29': ['timely_filing', "The claim was sent after the payer's filing deadline."],
  '31': ['registration', 'The payer cannot find the patient as its member (check the member ID and name).'],
  '32': ['eligibility', 'The payer says the patient is not an eligible dependent on this policy.'],
  '33': ['eligibility', "The policyholder's plan has no dependent coverage."],
  '34': ['eligibility', "The policyholder's plan does not cover newborns."],
  '35': ['eligibility', 'The lifetime benefit maximum has been reached.'],
  '39': ['authorization', 'The payer refused the authorization when it was requested.'],
  '40': ['medical_necessity', "The charges do not meet the payer's rules for emergency or urgent care."],
  '45': [
    'contractual',
    'The charge is above the fee schedule or contracted rate: the difference is written off.',
  ],
  '49': ['other', 'Not covered: a routine or preventive exam, or a screening done with one.'],
  '50': ['medical_necessity', 'Not covered: the payer does not consider it medically necessary.'],
  '51': ['other', 'Not covered: a pre-existing condition.'],
  '55': ['medical_necessity', 'The payer considers the procedure, treatment or drug experimental.'],
  '56': ['medical_necessity', 'The payer does not consider the procedure or treatment proven effective.'],
  '58': ['coding', 'The payer considers the place of service wrong or invalid for this treatment.'],
  '59': ['contractual', 'Reduced under multiple- or concurrent-procedure rules (e.g. second surgery).'],
  '96': ['other', 'Non-covered charge; the remark code says why.'],
  '97': ['coding', 'Paid as part of another service already processed (bundled): no separate payment.'],
  '100': ['other', 'The payer paid the patient or policyholder directly.'],
  '107': ['other', 'The related or qualifying claim or service was not found on this claim.'],
  '109': ['registration', 'This payer does not cover the claim: send it to the correct payer.'],
  '119': ['eligibility', 'The benefit maximum for this period or occurrence has been reached.'],
  '129': ['other', 'Earlier processing information looks wrong; the remark code says what.'],
  '131': ['contractual', 'A discount negotiated for this claim.'],
  '136': ['coordination_of_benefits', "The primary payer's coverage rules were not followed."],
  '140': ['registration', "The patient's or policyholder's member ID and name do not match."],
  '146': ['coding', 'The diagnosis code was not valid on the date of service.'],
  '150': ['coding', 'The information sent does not support this level of service.'],
  '151': ['medical_necessity', 'The information sent does not support this many services or this frequency.'],
  '167': ['medical_necessity', 'The diagnosis (or diagnoses) billed is not covered.'],
  '170': ['other', 'Not paid when performed or billed by this type of provider.'],
  '181': ['coding', 'The procedure code was not valid on the date of service.'],
  '182': ['coding', 'The procedure modifier was not valid on the date of service.'],
  '183': ['other', 'The referring provider is not eligible to refer this service.'],
  '185': ['other', 'The rendering provider is not eligible to perform this service (check credentialing).'],
  '189': ['coding', "An 'unlisted' procedure code was billed when a specific code exists."],
  '197': ['authorization', 'No prior authorization, precertification or notification was on file.'],
  '198': ['authorization', 'More was done than the authorization or precertification allowed.'],
  '199': ['coding', 'The revenue code and the procedure code do not match.'],
  '200': ['eligibility', "The service fell in a lapse in the patient's coverage."],
  '204': ['other', "Not covered under the patient's current benefit plan."],
  '208': ['other', "The provider's NPI does not match the payer's records."],
  '226': ['other', 'Information the payer asked the provider for was not sent, was late, or incomplete.'],
  '227': ['registration', 'Information the payer asked the patient for was not sent or was incomplete.'],
  '231': ['coding', 'These procedures cannot be billed together on the same day.'],
  '234': ['coding', 'This procedure is not paid separately; the remark code says more.'],
  '236': [
    'coding',
    'This procedure or modifier combination is not allowed with another one on the same day (NCCI edits).',
  ],
  '242': ['eligibility', "Not provided by the patient's network or primary care providers."],
  '243': ['authorization', "Not authorized by the patient's network or primary care provider."],
  '250': ['other', 'The wrong attachment was received; the expected document is still missing.'],
  '251': ['other', 'The attachment received was incomplete; the information is still needed.'],
  '252': ['other', 'An attachment or other document is needed to process this claim.'],
  '253': ['contractual', 'Sequestration: the federal reduction to Medicare payments.'],
  '256': ['contractual', 'Not payable under the managed-care contract.'],
  '272': ['other', "The plan's coverage or program guidelines were not met."],
  '273': ['other', "The plan's coverage or program guidelines were exceeded."],
  '284': ['authorization', 'The authorization number may be valid but is not for the services billed.'],
  '288': ['authorization', 'No referral was on file.'],
  A1: ['other', 'Claim or service denied; the remark code says why.'],
  B7: ['other', 'The provider was not certified or eligible to be paid for this service on this date.'],
  B9: ['eligibility', 'The patient is enrolled in hospice.'],
  B11: ['registration', 'The claim was sent on to the correct payer: this payer does not cover it.'],
  B13: ['duplicate', 'Already paid: payment may have come in an earlier remittance.'],
};
