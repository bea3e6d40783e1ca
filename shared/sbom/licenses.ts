/**
 * License names as package databases give them, as CycloneDX licenses: an
 * SPDX id where the name is one (or is a Debian DEP-5 short name with a
 * known SPDX equivalent), an SPDX expression where every operand is one,
 * and otherwise the name as written (a NamedLicense) — never a guess.
 */
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import { fixupSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';

/** DEP-5 short names that are not SPDX ids but have one (copyright-format 1.0, "License short name"). */
const DEP5_TO_SPDX: Record<string, string> = {
  Expat: 'MIT',
  Artistic: 'Artistic-1.0',
  'Artistic-1': 'Artistic-1.0',
  'Artistic-2': 'Artistic-2.0',
  'MPL-2': 'MPL-2.0',
  'Apache-2': 'Apache-2.0',
  CC0: 'CC0-1.0',
};

/** One license name as an SPDX id, or undefined. */
export function spdxIdOf(name: string): string | undefined {
  const n = name.trim();
  const mapped = DEP5_TO_SPDX[n];
  if (mapped) return mapped;
  // DEP-5 writes the GNU family as GPL-2 / GPL-2+ / LGPL-2.1+; SPDX as GPL-2.0-only / GPL-2.0-or-later.
  const gnu = /^(GPL|LGPL|AGPL|GFDL)-(\d)(?:\.(\d))?(\+)?$/i.exec(n);
  if (gnu)
    return fixupSpdxId(`${gnu[1]!.toUpperCase()}-${gnu[2]}.${gnu[3] ?? '0'}-${gnu[4] ? 'or-later' : 'only'}`);
  return fixupSpdxId(n);
}

/** `A or B`, `A and B`, `A OR B` with every operand an SPDX id: the SPDX expression, else undefined. */
function spdxExpressionOf(name: string): string | undefined {
  const parts = name.trim().split(/\s+(and|or|AND|OR)\s+/);
  if (parts.length < 3) return undefined;
  const out: string[] = [];
  for (const [i, p] of parts.entries()) {
    if (i % 2 === 1) {
      out.push(p.toUpperCase());
      continue;
    }
    const id = spdxIdOf(p.replace(/^\(|\)$/g, ''));
    if (!id) return undefined;
    out.push(id);
  }
  return out.join(' ');
}

/**
 * The CycloneDX licenses of one package. A single expression is written as
 * an expression; several names are written as separate licenses (CycloneDX
 * does not allow an expression beside other licenses), each with its SPDX id
 * when it has one.
 */
export function cyclonedxLicenses(names: readonly string[]): Models.License[] {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (unique.length === 1) {
    const expression = spdxExpressionOf(unique[0]!);
    if (expression) return [new Models.LicenseExpression(expression)];
  }
  const out: Models.License[] = [];
  const seen = new Set<string>();
  for (const name of unique) {
    const id = spdxIdOf(name);
    const key = id ?? `name:${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(id ? new Models.SpdxLicense(id) : new Models.NamedLicense(name));
  }
  return out;
}
