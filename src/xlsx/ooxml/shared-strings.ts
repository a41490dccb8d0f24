/** xl/sharedStrings.xml as exceljs keeps it. */
import { DEFAULT_READ_LIMITS, ReadLimitExceeded, limitMessages, type ReadLimits } from '../read-limits';
import { decodeOoxmlEscapes, decodeXml } from './xml-entities';
import { scanXml } from './xml-scan';
import { OoxmlUnsupported } from './unsupported';

/** A shared string as exceljs keeps it: plain text, or rich-text runs (joined when read). */
export type SharedString = string;

export function parseSharedStrings(xml: string, limits: ReadLimits = DEFAULT_READ_LIMITS): SharedString[] {
  const out: SharedString[] = [];
  let inSi = false;
  let plain: string | undefined;
  let runs: string[] | undefined;
  let depthRun = false;
  let runText: string | undefined;
  let inPhonetic = false;
  let textParts: string[] | null = null;
  scanXml(xml, {
    open(name) {
      if (name === 'si') {
        inSi = true;
        plain = undefined;
        runs = undefined;
        return;
      }
      if (!inSi || inPhonetic) return;
      if (name === 'rPh') inPhonetic = true;
      else if (name === 'r') {
        if (depthRun) throw new OoxmlUnsupported('nested run');
        depthRun = true;
        runText = undefined;
      } else if (name === 't') textParts = [];
      else if (name.includes(':')) throw new OoxmlUnsupported(`prefixed element ${name}`);
    },
    text(src, start, end) {
      if (textParts) textParts.push(src.slice(start, end));
    },
    close(name) {
      if (!inSi) return;
      if (inPhonetic) {
        if (name === 'rPh') inPhonetic = false;
        return;
      }
      if (name === 't' && textParts) {
        const text = decodeOoxmlEscapes(decodeXml(textParts.join('')));
        textParts = null;
        if (depthRun) runText = text;
        else {
          // exceljs lets a direct <t> replace the whole string: mixing it with runs is not ours to guess.
          if (runs) throw new OoxmlUnsupported('shared string mixes <t> and runs');
          plain = text;
        }
      } else if (name === 'r' && depthRun) {
        depthRun = false;
        if (plain !== undefined) throw new OoxmlUnsupported('shared string mixes <t> and runs');
        (runs ??= []).push(runText ?? '');
      } else if (name === 'si') {
        inSi = false;
        // An <si> with neither text nor runs reads as "[object Object]" in exceljs: not ours to copy.
        if (plain === undefined && runs === undefined) throw new OoxmlUnsupported('empty shared string');
        const text = plain ?? (runs ?? []).join('');
        if (text.length > limits.maxCellTextChars)
          throw new ReadLimitExceeded(limitMessages.sharedString(out.length, text.length, limits));
        if (out.length >= limits.maxSharedStrings)
          throw new ReadLimitExceeded(limitMessages.sharedStrings(out.length + 1, limits));
        out.push(text);
      }
    },
  });
  return out;
}
