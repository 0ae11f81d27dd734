/**
 * Synthetic key-task lists at any size: a realistic mix of notations (several units per cell,
 * the prefix written once, short and full names, catch-alls, typos), deadlines and progress.
 * Deterministic (seeded), so every run measures the same list.
 */
import type { CellValue, Grid } from "../src/core/read/grid";

const CORES = [
  "发展和改革",
  "财政",
  "住房和城乡建设",
  "农业农村",
  "教育和体育",
  "卫生健康",
  "交通运输",
  "自然资源和规划",
  "水利",
  "民政",
  "人力资源和社会保障",
  "文化和旅游",
  "市场监督管理",
  "应急管理",
  "生态环境",
  "工业和信息化",
  "商务",
  "林业",
  "统计",
  "审计",
];
const SHORT: Record<string, string> = {
  发展和改革: "发改",
  住房和城乡建设: "住建",
  教育和体育: "教体",
  卫生健康: "卫健",
  人力资源和社会保障: "人社",
  市场监督管理: "市场监管",
};
const GROUPS = ["各镇", "各乡镇（街道）", "县直各有关单位", "各相关单位"];
const DEADLINES = [
  "3月底前",
  "6月底前",
  "9月底前",
  "12月底前",
  "年内",
  "每季度",
  "长期坚持",
  "①3月底前完成方案②6月底前启动③11月底前完成",
  "2024年10月31日",
  "11月前",
  "上半年",
  "",
];
const PROGRESS = [
  "正在推进",
  "已完成",
  "完成60%",
  "进度滞后",
  "未启动",
  "",
  "达序推进",
  "80%（个别项目进度滞后）",
];
const VERBS = ["推进", "完善", "加强", "实施", "开展", "落实", "提升", "建设"];
const OBJECTS = [
  "重点项目建设",
  "营商环境优化",
  "农村人居环境整治",
  "防返贫动态监测",
  "城乡供水保障",
  "安全生产专项整治",
  "数字乡村建设",
  "就业帮扶行动",
];

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unit names: real department names first, then numbered service centres and towns. */
export function unitNames(count: number): string[] {
  const names: string[] = CORES.map((c) => `县${c}局`);
  for (let i = 0; names.length < count; i++) names.push(i % 3 === 0 ? `第${i}镇` : `县第${i}服务中心`);
  return names.slice(0, count);
}

function written(name: string, r: () => number, previousHadPrefix: boolean): string {
  const core = name.replace(/^县/, "").replace(/局$/, "");
  if (SHORT[core] && r() < 0.5) return `县${SHORT[core]}局`;
  if (previousHadPrefix && name.startsWith("县") && r() < 0.3) return name.slice(1); // prefix written once
  if (r() < 0.002) return name.replace(/局$/, "局局"); // a typo
  return name;
}

/**
 * Unit names none of which the directory knows, every two within two edits of each other: two
 * characters of one long name varied over 64 each (a province's village committees or service
 * centres look like this). The typo index meets its worst case here.
 */
export function similarUnitNames(count: number): string[] {
  const chars = Array.from(
    "东南西北上下前后左右大小新老高低长短红黄青白金银铜铁山水林田湖草沙石江河溪泉桥塘坪坝沟岭峰岗川原岩洞园庄屯寨营堡关口湾州甸坡坎垭梁".slice(
      0,
      64,
    ),
  );
  return Array.from(
    { length: count },
    (_, i) => `县${chars[i % 64]}${chars[Math.floor(i / 64) % 64]}产业服务中心`,
  );
}

export function syntheticGrid(tasks: number, units: number, seed = 7, names = unitNames(units)): Grid {
  const r = rng(seed);
  const pick = () => names[Math.floor(r() * names.length)]!;
  const rows: CellValue[][] = [
    [`2024年重点工作任务清单（合成数据，${tasks} 项）`],
    ["序号", "类别", "重点任务", "工作内容", "牵头单位", "配合单位", "完成时限", "进展情况"],
  ];
  for (let i = 0; i < tasks; i++) {
    const lead = pick();
    const coops = Array.from({ length: Math.floor(r() * 5) }, pick).filter((u) => u !== lead);
    const coopText = coops.map((u, k) => written(u, r, k > 0)).join(r() < 0.5 ? "、" : "，");
    const group = r() < 0.4 ? GROUPS[Math.floor(r() * GROUPS.length)] : null;
    rows.push([
      i + 1,
      `${["一", "二", "三", "四", "五"][i % 5]}、重点领域${i % 5}`,
      `${VERBS[i % VERBS.length]}${OBJECTS[Math.floor(r() * OBJECTS.length)]}（第${i + 1}项）`,
      `围绕${OBJECTS[i % OBJECTS.length]}，细化工作措施，明确时间节点，确保按期完成年度目标任务。`,
      written(lead, r, false),
      [coopText, group].filter(Boolean).join("，"),
      DEADLINES[Math.floor(r() * DEADLINES.length)]!,
      PROGRESS[Math.floor(r() * PROGRESS.length)]!,
    ]);
  }
  return { sheet: "清单", rows, merges: [] };
}
