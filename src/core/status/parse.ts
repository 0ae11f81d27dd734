/**
 * Progress and status: the verdict hidden in free text (已完成, 正在办理, 进度滞后, 80%), and
 * 是/否 in a 是否达序 column.
 */
import type { Status, StatusState } from "../model";

interface Rule {
  re: RegExp;
  state: StatusState;
}

/** Checked in order: "behind" words win over "in progress" (80%（某项目进度滞后）). */
const RULES: Rule[] = [
  { re: /未完成|没有完成|尚未完成/, state: "in_progress" },
  { re: /滞后|落后|缓慢|未达序|未按序时|未按期|逾期|拖延|进度慢|严重滞后/, state: "behind" },
  { re: /未启动|未开始|尚未启动|尚未开展|未开展|暂未|还未|未动工|未实施/, state: "not_started" },
  {
    re: /已完成|已办结|已落实|已建成|已竣工|已实现|全面完成|完成100|已全部完成|已结束|已销号|已达成|已投用|已投入使用|已交付|已验收|办结/,
    state: "done",
  },
  { re: /基本完成|基本建成|接近完成/, state: "in_progress" },
  {
    re: /正在|推进中|进行中|实施中|有序推进|稳步推进|达序推进|按序推进|达序|已启动|已开工|已开展|持续推进|在建|开工建设|加快推进|顺利推进|扎实推进|积极推进|全力推进|按计划推进|已完成.{0,4}%/,
    state: "in_progress",
  },
];

/**
 * The state the words or the percentage of a progress text say, or "unknown" when they say none
 * (a reader telling a status column from task text asks this).
 */
export function statedState(text: string): StatusState {
  for (const r of RULES) if (r.re.test(text)) return r.state;
  const percent = findPercent(text);
  if (percent === null) return "unknown";
  return percent >= 100 ? "done" : percent === 0 ? "not_started" : "in_progress";
}

export function parseStatus(progress: string | null | undefined, onSchedule?: string | null): Status {
  const text = (progress ?? "").trim();
  const flag = (onSchedule ?? "").trim();
  const percent = findPercent(text);
  let state: StatusState = "unknown";
  for (const r of RULES) {
    if (r.re.test(text)) {
      state = r.state;
      break;
    }
  }
  if (state === "unknown" && percent !== null) {
    state = percent >= 100 ? "done" : percent === 0 ? "not_started" : "in_progress";
  }
  if (
    state === "done" &&
    percent !== null &&
    percent < 100 &&
    !/已完成|已办结/.test(text.replace(/已完成.{0,4}%/, ""))
  ) {
    state = "in_progress";
  }
  // 是否达序: 否 means behind schedule; 是 means on schedule (in progress unless done).
  if (/^(否|未达序|不达序|N|No|no)$/.test(flag) && state !== "done") state = "behind";
  else if (/^(是|达序|Y|Yes|yes)$/.test(flag) && state === "unknown") state = "in_progress";
  // Progress written in words the rules do not know (主体完工, 一季度完成投资12亿元) is still a
  // report: in progress, its text shown — never counted as not reported.
  if (state === "unknown" && text) state = "in_progress";
  const shown = flag && !text ? flag : text;
  return { text: shown, state, percent };
}

function findPercent(text: string): number | null {
  const m = /(\d{1,3}(?:\.\d+)?)\s*[%％]/.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  return v >= 0 && v <= 100 ? v : null;
}
