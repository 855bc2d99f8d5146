import { describe, expect, it } from 'vitest';
import {
  applySavedMapping,
  mappedRecord,
  mappingProblems,
  suggestMapping,
  unmappedRequired,
} from '../../shared/import-mapping.ts';
import type { ImportColumn } from '../../shared/schemas/imports.ts';

const COLUMNS: ImportColumn[] = [
  { name: 'claim_id', required: true, aliases: ['Claim #', 'Claim Number'], description: '' },
  { name: 'payer', required: true, aliases: ['Insurance'], description: '' },
  { name: 'amount', required: false, description: '' },
];

describe('column mapping', () => {
  it('suggests a header for each field from its name and aliases, first match wins', () => {
    expect(suggestMapping(COLUMNS, ['Claim Number', 'INSURANCE', 'Claim #', 'Note'])).toEqual({
      claim_id: 'Claim Number',
      payer: 'INSURANCE',
    });
    expect(suggestMapping(COLUMNS, ['claim_id', ' Amount '])).toEqual({
      claim_id: 'claim_id',
      amount: ' Amount ',
    });
  });

  it('applies a saved mapping to a new file and reports the headers it lacks', () => {
    const saved = { claim_id: 'Enc No', payer: 'Plan', amount: 'Paid' };
    expect(applySavedMapping(COLUMNS, ['enc no', 'Insurance', 'Total'], saved)).toEqual({
      mapping: { claim_id: 'enc no', payer: 'Insurance' },
      missing: ['Plan', 'Paid'],
    });
  });

  it('names an unknown field, a header not in the file and each unmapped required field', () => {
    expect(mappingProblems(COLUMNS, { claim_id: 'A', colour: 'B' })).toEqual([
      { path: 'mapping.colour', message: '“colour” is not a column of this import' },
    ]);
    expect(mappingProblems(COLUMNS, { claim_id: 'Enc  No', amount: 'Paid' }, ['enc_no', 'payer'])).toEqual([
      { path: 'mapping.amount', message: 'The file has no column “Paid”' },
      { path: 'mapping.payer', message: 'Choose the column that holds payer' },
    ]);
    expect(unmappedRequired(COLUMNS, { payer: 'x' })).toEqual(['claim_id']);
  });

  it('reads a record through the mapping; unmapped fields are absent', () => {
    expect(mappedRecord({ claim_id: 'Enc No', payer: 'Enc No' }, { enc_no: 'C1', payer: 'ignored' })).toEqual(
      {
        claim_id: 'C1',
        payer: 'C1',
      },
    );
  });
});
