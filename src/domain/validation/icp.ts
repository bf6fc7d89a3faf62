// ICP备案号 validation (SPEC §6.4) with a warning when the province abbreviation does not match the org's province.
import { normalizeDashes, removeWhitespace, stripControlChars, toHalfWidth } from '../text.ts';
import { provinceOf, provincesForIcpAbbr, quoteAbbrs } from './provinces.ts';
import { type Checked, fail, ok } from './result.ts';

export const ICP_RE =
  /^(京|津|冀|晋|蒙|辽|吉|黑|沪|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|桂|琼|渝|蜀|川|黔|贵|滇|云|藏|陕|陇|甘|青|宁|新)ICP备\d{6,8}号(-\d{1,3})?$/;

const EXAMPLE = '应为“省份简称ICP备”加6–8位数字和“号”，如 京ICP备05070218号 或 陕ICP备15002899号-4';

export interface ProvinceContext {
  /** The org's province: '51', '510000' or any local / `51BM01` code; omit for 部委 (bm) orgs. */
  provinceCode?: string;
}

export function checkIcpNo(value: string, context: ProvinceContext = {}): Checked<string> {
  const s = normalizeDashes(removeWhitespace(toHalfWidth(stripControlChars(value)))).replace(/icp/i, 'ICP');
  if (s === '') return fail(`请填写ICP备案号，${EXAMPLE}`);
  if (!ICP_RE.test(s)) {
    if (s.includes('ICP证')) return fail(`请填写ICP备案号而不是ICP经营许可证号，${EXAMPLE}`);
    return fail(`ICP备案号格式不正确，${EXAMPLE}`);
  }
  const warnings: string[] = [];
  const abbr = s.slice(0, 1);
  const province = provinceOf(context.provinceCode);
  if (province !== undefined && !province.icp.includes(abbr)) {
    warnings.push(
      `ICP备案号的省份简称“${abbr}”与组织单位所在省份（${province.name}，简称${quoteAbbrs(province.icp)}）不一致，请核对`,
    );
  }
  return ok(s, warnings);
}

/** The provinces an ICP number's abbreviation points at (for statistics and hints). */
export function icpProvinces(icpNo: string): string[] {
  return provincesForIcpAbbr(icpNo.slice(0, 1)).map((p) => p.pair);
}
