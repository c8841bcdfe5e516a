/**
 * Workflow 3 — 与信稟議（credit approval memo）in Japanese, from the request to
 * the committee's decision. A 12-year JPY 12bn term loan to a Japanese
 * real-estate company, asked in Japanese by the relationship manager: the
 * council recommends 上申 (escalate), and a facility above JPY 10bn needs two
 * different members of the credit committee (与信委員会). The run waits for
 * them as a LangGraph thread in a store (here a temporary SQLite file, so no
 * server is needed); each signature resumes it. The requester cannot sign
 * (four eyes); two committee members approve with conditions, each with a
 * reason (approving is more lenient than 上申); the report, in Japanese,
 * carries the sign-off section.
 *
 *   npm run example:ringi          # or: npx tsx examples/ringi-ja.ts [--out DIR]
 *
 * Writes out/ringi-ja.{html,md,json}.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeReports } from "@kyocho/report";
import { loadCaseFile, UserInputError, type Assessment } from "@kyocho/core";
import { createReferenceCouncil } from "@kyocho/reference-council";
import { openStore } from "@kyocho/store";
import { exampleArgs, shown } from "./support/example-args.js";

const { outDir } = exampleArgs();
const ROLE = { branch_manager: "支店長", credit_department: "審査部", credit_committee: "与信委員会" } as Record<string, string>;
const DECISION = { approve: "承認", approve_with_conditions: "条件付き承認", escalate: "上申", decline: "謝絶", return: "差戻し" } as Record<string, string>;
const STATUS = {
  awaiting_signoff: "決裁待ち",
  approved: "承認",
  approved_with_conditions: "条件付き承認",
  declined: "謝絶",
  returned: "差戻し",
} as Record<string, string>;
const RATING = { low: "低", medium: "中", high: "高", critical: "重大" } as Record<string, string>;
const say = (line: string) => process.stdout.write(`${line}\n`);

const dir = mkdtempSync(join(tmpdir(), "kyocho-ringi-"));
const store = await openStore({ sqlitePath: join(dir, "kyocho.db") });
try {
  const council = createReferenceCouncil({ checkpointer: await store.checkpointer() });
  const ringi = loadCaseFile(fileURLToPath(new URL("./cases/ringi-ja.yaml", import.meta.url)));

  // 1. 起案: the relationship manager asks; the run stops at the sign-off, waiting in the store.
  const requester = "田中 一郎";
  say(`【起案】${requester}（営業第一部）: ${ringi.question}`);
  const asked = await council.assess({ question: ringi.question, case: ringi, requestedBy: requester });
  const required = asked.signoff!.required;
  say(`【推奨】判定「${DECISION[asked.decision]}」、リスク評価 ${RATING[asked.rating]}（${asked.id}）`);
  say(`【決裁権限】${ROLE[required.role]}、署名 ${required.signatures} 名（${STATUS[asked.signoff!.status]}）`);

  // 2. The requester may not sign what they asked for: refused, nothing written.
  try {
    await council.signoff(asked.id, { name: requester, role: "credit_committee", decision: "decline", at: new Date().toISOString() });
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    say(`【却下】${requester} の署名は受け付けられません（起案者は決裁できません: ${error.code}）`);
  }

  // 3. Two committee members sign; approving an escalation is an override and needs a reason.
  const sign = async (name: string, conditions: string[], reason: string): Promise<Assessment> => {
    const after = await council.signoff(asked.id, {
      name,
      role: "credit_committee",
      decision: "approve_with_conditions",
      conditions,
      reason,
      at: new Date().toISOString(),
    });
    const n = after.signoff!.signatures.length;
    say(
      `【署名 ${n}/${required.signatures}】${name}（${ROLE.credit_committee}）: 条件付き承認。条件: ${conditions.join("、")}。理由: ${reason} → ${STATUS[after.signoff!.status]}`,
    );
    return after;
  };
  await sign("佐藤 花子", ["実行前に親会社保証を差し入れること"], "親会社の保証により返済原資が補完される");
  const final = await sign("鈴木 次郎", ["担保不動産の鑑定評価を毎年更新すること"], "担保掛目の超過は鑑定の更新で監視できる");

  // 4. The final report, in Japanese (the question's language), with the sign-off section.
  const added = final.signoff!.signatures.flatMap((s) => s.conditions);
  say(
    `【決裁】${STATUS[final.signoff!.status]}。付帯条件 ${final.signoff!.conditions.length} 件（審査の推奨 ${final.signoff!.conditions.length - added.length} 件、委員会の追加 ${added.length} 件）`,
  );
  const base = join(outDir, "ringi-ja");
  for (const w of writeReports(final, { html: `${base}.html`, md: `${base}.md` })) say(`wrote ${shown(w.path)} (${w.bytes} bytes)`);
  writeFileSync(`${base}.json`, `${JSON.stringify(final, null, 2)}\n`);
  say(`wrote ${shown(`${base}.json`)}`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
