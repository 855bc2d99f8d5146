export const PASSWORD_HINT = 'At least 12 characters. A short sentence you will remember works well.';
