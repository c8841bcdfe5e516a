import type { Command } from "commander";
import { UserInputError } from "@kyocho/core";
import { stringify } from "yaml";

interface TokensNewOptions {
  subject: string;
  role: string[];
}

export function registerTokens(program: Command): void {
  const tokens = program.command("tokens").description("Bearer tokens for `kyocho serve`");
  tokens
    .command("new")
    .description("Make a random token: prints the token once (stdout) and the tokens-file entry, which keeps only its SHA-256 (stderr)")
    .requiredOption("--subject <name>", "who the token is: the name recorded as requester and signer")
    .requiredOption(
      "--role <role>",
      "analyst, admin, monitor or approver:<sign-off role> (repeat for several)",
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .addHelpText(
      "after",
      `
Example:
  kyocho tokens new --subject sato --role analyst --role approver:credit_department
  # add the printed entry under \`tokens:\` in the file KYOCHO_TOKENS_FILE names; give the token to sato, once`,
    )
    .action(async (options: TokensNewOptions) => {
      const { newToken, tokenSha256, TokenEntrySchema } = await import("@kyocho/server");
      const { parseWith } = await import("@kyocho/core/validation");
      if (options.role.length === 0) throw new UserInputError("give at least one --role", { source: "--role" });
      const token = newToken();
      const entry = parseWith(TokenEntrySchema, { subject: options.subject, roles: options.role, sha256: tokenSha256(token) }, { source: "tokens new" });
      process.stdout.write(`${token}\n`);
      process.stderr.write(`kyocho: the token above is shown once; put this entry in the tokens file (KYOCHO_TOKENS_FILE):\n`);
      process.stderr.write(stringify({ tokens: [entry] }));
    });
}
