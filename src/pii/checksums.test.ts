import { describe, expect, it } from 'vitest';
import { cardNetwork, ibanValid, luhnValid, shannonEntropy, ssnValid } from './checksums.js';

describe('checksums', () => {
  it('Luhn accepts valid numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111a11111111111')).toBe(false);
  });

  it('tells card networks by IIN range and length', () => {
    expect(cardNetwork('4111111111111111')).toBe('visa');
    expect(cardNetwork('5555555555554444')).toBe('mastercard');
    expect(cardNetwork('2223003122003222')).toBe('mastercard');
    expect(cardNetwork('378282246310005')).toBe('amex');
    expect(cardNetwork('6011111111111117')).toBe('discover');
    expect(cardNetwork('3530111333300000')).toBe('jcb');
    expect(cardNetwork('1234567812345670')).toBeUndefined();
  });

  it('checks IBAN length per country and the mod-97 check', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('FR1420041010050500013M02606')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanValid('GB82WEST1234569876543')).toBe(false);
    expect(ibanValid('XX82WEST12345698765432')).toBe(false);
  });

  it('applies the SSN issuing rules', () => {
    expect(ssnValid('536', '22', '1234')).toBe(true);
    expect(ssnValid('000', '22', '1234')).toBe(false);
    expect(ssnValid('666', '22', '1234')).toBe(false);
    expect(ssnValid('900', '22', '1234')).toBe(false);
    expect(ssnValid('536', '00', '1234')).toBe(false);
    expect(ssnValid('536', '22', '0000')).toBe(false);
    expect(ssnValid('078', '05', '1120')).toBe(false);
  });

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
