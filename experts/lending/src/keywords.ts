/**
 * Words that tell the router a question needs a credit view. Kept to the
 * vocabulary of lending desks and credit officers, so that a purely FX,
 * legal or trading question does not pull the lending expert in.
 */
export const LENDING_KEYWORDS_EN = [
  "lend", "lending", "loan", "borrow", "borrowing", "borrower", "credit line", "credit facility",
  "term loan", "revolver", "revolving credit", "bridge loan", "acquisition finance", "acquisition financing",
  "leveraged buyout", "LBO", "syndication", "syndicated loan", "covenant", "repayment", "repay",
  "refinancing", "refinance", "amortisation", "amortization", "bullet repayment", "debt service", "DSCR",
  "leverage", "net debt", "debt capacity", "interest cover", "interest coverage", "ICR", "loan to value", "LTV",
  "collateral", "security package", "tenor", "creditworthiness", "credit approval", "credit committee",
  "mezzanine", "senior debt", "headroom", "drawdown schedule",
  // Added for the router (routing dev set): how analysts actually put a credit question.
  "lender", "bullet", "drawdown", "EBITDA", "finance", "bridge", "haircut", "downgrade",
  "credit rating", "total exposure",
  // Reference Policy v2 measures.
  "balloon", "CFADS",
] as const;

export const LENDING_KEYWORDS_JA = [
  "与信", "融資", "貸出", "貸付", "借入", "借り入れ", "借入金", "返済", "返済能力", "債務償還", "元利金",
  "財務制限条項", "コベナンツ", "コベナント", "担保", "担保掛目", "買収ファイナンス", "買収資金", "LBOローン",
  "稟議", "与信枠", "信用供与", "レバレッジ", "有利子負債", "インタレスト・カバレッジ", "金利負担",
  "シンジケートローン", "シ・ローン", "タームローン", "コミットメントライン", "リファイナンス", "借換", "借り換え",
  "約定弁済", "期限一括", "メザニン", "ブリッジローン", "債務返済", "返済原資", "与信審査", "融資期間",
  // Verb stems and everyday words: 貸して／貸しても, 借り手, 利払い.
  "貸し", "貸せ", "借り手", "借手", "利払い", "格下げ", "与信残高", "返済余力",
  // Reference Policy v2 measures.
  "期日一括", "元金均等", "バルーン",
] as const;

/** All lending keywords, English then Japanese. */
export const LENDING_KEYWORDS: readonly string[] = [...LENDING_KEYWORDS_EN, ...LENDING_KEYWORDS_JA];
