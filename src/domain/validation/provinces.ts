// Province-level units with the abbreviations used in ICP备案号 and 公网安备号 (SPEC §6.4, §6.5).

export interface ProvinceInfo {
  /** Two-digit GB/T 2260 pair, e.g. '51'. */
  pair: string;
  name: string;
  /** Abbreviations accepted in an ICP备案号 for this province; the first is the usual one (Sichuan: 蜀). */
  icp: readonly string[];
  /** Abbreviations used in 公网安备号 (Sichuan: 川). */
  psb: readonly string[];
}

const P = (pair: string, name: string, icp: string[], psb: string[] = icp): ProvinceInfo => ({ pair, name, icp, psb });

export const PROVINCES: readonly ProvinceInfo[] = [
  P('11', '北京市', ['京']),
  P('12', '天津市', ['津']),
  P('13', '河北省', ['冀']),
  P('14', '山西省', ['晋']),
  P('15', '内蒙古自治区', ['蒙']),
  P('21', '辽宁省', ['辽']),
  P('22', '吉林省', ['吉']),
  P('23', '黑龙江省', ['黑']),
  P('31', '上海市', ['沪']),
  P('32', '江苏省', ['苏']),
  P('33', '浙江省', ['浙']),
  P('34', '安徽省', ['皖']),
  P('35', '福建省', ['闽']),
  P('36', '江西省', ['赣']),
  P('37', '山东省', ['鲁']),
  P('41', '河南省', ['豫']),
  P('42', '湖北省', ['鄂']),
  P('43', '湖南省', ['湘']),
  P('44', '广东省', ['粤']),
  P('45', '广西壮族自治区', ['桂']),
  P('46', '海南省', ['琼']),
  P('50', '重庆市', ['渝']),
  P('51', '四川省', ['蜀', '川'], ['川']),
  P('52', '贵州省', ['黔', '贵'], ['贵']),
  P('53', '云南省', ['滇', '云'], ['云']),
  P('54', '西藏自治区', ['藏']),
  P('61', '陕西省', ['陕']),
  P('62', '甘肃省', ['陇', '甘'], ['甘']),
  P('63', '青海省', ['青']),
  P('64', '宁夏回族自治区', ['宁']),
  P('65', '新疆维吾尔自治区', ['新']),
  // 兵团 sites file through Xinjiang.
  P('66', '新疆生产建设兵团', ['新']),
];

const BY_PAIR = new Map(PROVINCES.map((p) => [p.pair, p]));

/** Looks up a province from '51', '510000', '510100' or '51BM01'; undefined for bm codes or unknown pairs. */
export function provinceOf(code: string | undefined): ProvinceInfo | undefined {
  if (code === undefined || !/^\d{2}/.test(code)) return undefined;
  return BY_PAIR.get(code.slice(0, 2));
}

/** Provinces whose ICP abbreviation list contains `abbr` (新 maps to both 65 and 66). */
export function provincesForIcpAbbr(abbr: string): ProvinceInfo[] {
  return PROVINCES.filter((p) => p.icp.includes(abbr));
}

/** 「“蜀”或“川”」 — for messages. */
export function quoteAbbrs(abbrs: readonly string[]): string {
  return abbrs.map((a) => `“${a}”`).join('或');
}
