/**
 * Words that tell the router a question needs the legal and compliance
 * expert, in English and Japanese. Kept to legal vocabulary: words every
 * department uses (loan, risk, exposure on its own) would add this expert to
 * every plan.
 */
export const LEGAL_KEYWORDS: readonly string[] = [
  // English
  "sanctions", "sanctioned", "OFAC", "SDN", "embargo", "export control", "KYC", "know your customer",
  "customer due diligence", "AML", "anti money laundering", "money laundering", "CFT", "terrorist financing",
  "compliance", "compliance officer", "governing law", "jurisdiction", "choice of law", "beneficial owner",
  "beneficial ownership", "UBO", "politically exposed", "PEP", "large exposure", "exposure limit",
  "counterparty", "counterparties", "covenant package", "clause", "sanctions clause", "cross default",
  "change of control", "negative pledge", "material adverse change", "MAC clause", "facility agreement",
  "legal opinion", "enforceability", "enforceable", "legal", "lawyer", "counsel", "litigation", "bribery",
  "anti corruption", "FATF", "watchlist", "screening", "Iran", "Iranian", "North Korea", "Cuba", "Syria",
  "onboarding", "law", "takeover", "take over", "taken over", "Tier 1", "Russia", "Russian", "oligarch",
  // Japanese
  "制裁", "経済制裁", "制裁対象", "資産凍結", "輸出管理", "外為法", "反社", "反社会的勢力", "本人確認",
  "顧客確認", "取引時確認", "実質的支配者", "マネロン", "マネー・ローンダリング", "マネーロンダリング",
  "資金洗浄", "テロ資金", "コンプライアンス", "法令遵守", "法令違反", "準拠法", "裁判管轄", "管轄",
  "大口信用供与", "大口与信", "与信集中規制", "契約条項", "契約書", "法務", "法的リスク", "クロスデフォルト",
  "チェンジ・オブ・コントロール", "支配権変更", "担保制限条項", "ネガティブ・プレッジ", "重大な悪影響",
  "法律意見書", "リーガルオピニオン", "取引相手", "カウンターパーティ", "贈収賄", "北朝鮮", "イラン",
  "キューバ", "シリア", "英国法", "日本法", "州法", "ロシア",
];
