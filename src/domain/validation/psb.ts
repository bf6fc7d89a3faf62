// 公安机关备案号 (公网安备) validation (SPEC §6.5); 「办理中」 is accepted with a reminder of the 30-day deadline.
import { removeWhitespace, stripControlChars, toHalfWidth } from '../text.ts';
import type { ProvinceContext } from './icp.ts';
import { provinceOf, quoteAbbrs } from './provinces.ts';
import { type Checked, fail, ok } from './result.ts';

export const PSB_RE =
  /^(京|津|冀|晋|蒙|辽|吉|黑|沪|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|桂|琼|渝|川|贵|云|藏|陕|甘|青|宁|新)公网安备\s?(\d{14})号?$/;

/** Stored as-is while the filing is being processed (SPEC §5.1 #25). */
export const PSB_PENDING = '办理中';

const EXAMPLE = '应为“省份简称公网安备”加14位数字和“号”，如 京公网安备11010202000001号；尚未办结可填写“办理中”';

export const PSB_PENDING_WARNING =
  '公安机关备案尚在办理中：网站应在开通之日起30日内办理公安机关备案，取得备案号后请及时补充';

export function checkPsbNo(value: string, context: ProvinceContext = {}): Checked<string> {
  const s = removeWhitespace(toHalfWidth(stripControlChars(value)));
  if (s === '') return fail(`请填写公安机关备案号，${EXAMPLE}`);
  if (s === PSB_PENDING) return ok(PSB_PENDING, [PSB_PENDING_WARNING]);
  const m = PSB_RE.exec(s);
  if (m === null) {
    if (/^\d{14}$/.test(s)) return fail(`公安机关备案号缺少省份简称和“公网安备”字样，${EXAMPLE}`);
    if (s.startsWith('蜀公网安备')) return fail(`四川省的公安机关备案号简称为“川”，如 川公网安备51090302000210号`);
    return fail(`公安机关备案号格式不正确，${EXAMPLE}`);
  }
  const abbr = m[1] ?? '';
  const digits = m[2] ?? '';
  const canonical = `${abbr}公网安备${digits}号`;
  const warnings: string[] = [];

  const digitProvince = provinceOf(digits);
  if (digitProvince === undefined) {
    warnings.push(`公安机关备案号的前两位“${digits.slice(0, 2)}”不是有效的省级行政区划代码，请核对`);
  } else if (!digitProvince.psb.includes(abbr)) {
    warnings.push(
      `公安机关备案号的简称“${abbr}”与其代码所属省份（${digitProvince.name}，简称${quoteAbbrs(digitProvince.psb)}）不一致，请核对`,
    );
  }
  const orgProvince = provinceOf(context.provinceCode);
  if (orgProvince !== undefined && digits.slice(0, 2) !== orgProvince.pair) {
    // 兵团 sites are filed with Xinjiang's bureaus (65…).
    const xinjiangBingtuan = orgProvince.pair === '66' && digits.startsWith('65');
    if (!xinjiangBingtuan) {
      warnings.push(
        `公安机关备案号的地区代码“${digits.slice(0, 2)}”与组织单位所在省份（${orgProvince.name}，代码 ${orgProvince.pair}）不一致，请核对`,
      );
    }
  }
  return ok(canonical, warnings);
}
