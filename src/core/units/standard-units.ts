/**
 * County units that nearly every county has, with the short forms lists use for them. They
 * complete the seeded alias table, which only holds units seen with an alias in published
 * documents. Names follow the 2019 county institutional reform.
 */
export const STANDARD_UNITS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["县纪委监委", ["县纪委", "县监委", "县纪委县监委"]],
  ["县委组织部", []],
  ["县委宣传部", []],
  ["县委老干部局", []],
  ["县委党校", []],
  ["县委党史研究室", []],
  ["县财政局", []],
  ["县公安局", []],
  ["县民政局", []],
  ["县司法局", []],
  ["县审计局", []],
  ["县统计局", []],
  ["县林业局", []],
  ["县信访局", []],
  ["县生态环境局", []],
  ["县文化和旅游局", ["县文旅局", "县文化旅游局"]],
  ["县乡村振兴局", []],
  ["县总工会", []],
  ["县供销合作社联合社", ["县供销社", "县供销联社"]],
  ["县烟草专卖局", ["县烟草局"]],
  ["县融媒体中心", []],
  ["县档案馆", []],
  ["县气象局", []],
  ["县消防救援大队", []],
  ["县人民法院", ["县法院"]],
  ["县人民检察院", ["县检察院"]],
  ["县机关事务服务中心", ["县机关事务中心"]],
  ["县数据局", []],
  ["县国有资产事务服务中心", ["县国资中心"]],
];
