import { describe, expect, it } from "vitest";
import { assertOnPremises, assertTracingOnPremises, classifyEndpoint } from "./on-prem-guard.js";

describe("classifyEndpoint", () => {
  it.each([
    ["http://127.0.0.1:8000/v1", "loopback"],
    ["http://127.8.9.10/v1", "loopback"],
    ["http://localhost:11434/v1", "loopback"],
    ["http://LOCALHOST.:8000/v1", "loopback"],
    ["http://[::1]:8000/v1", "loopback"],
    ["http://0.0.0.0:8000/v1", "loopback"],
    ["http://2130706433/v1", "loopback"], // 127.0.0.1 as one integer
    ["http://10.20.1.5:8000/v1", "private"],
    ["http://172.16.0.1/v1", "private"],
    ["http://172.31.255.254/v1", "private"],
    ["http://192.168.1.20/v1", "private"],
    ["http://100.64.3.4/v1", "private"],
    ["http://[fd12:3456:789a::1]:8000/v1", "private"],
    ["http://[fc00::5]/v1", "private"],
    ["http://[::ffff:10.0.0.1]/v1", "private"],
    ["http://169.254.10.1/v1", "link-local"],
    ["http://[fe80::1]/v1", "link-local"],
    ["http://172.32.0.1/v1", "external"],
    ["http://11.0.0.1/v1", "external"],
    ["http://[2001:db8::1]/v1", "external"],
    ["http://[::ffff:8.8.8.8]/v1", "external"],
    ["https://api.openai.com/v1", "external"],
    ["http://vllm.bank.internal/v1", "external"], // a name is only trusted when listed
  ])("%s is %s", (url, kind) => {
    expect(classifyEndpoint(url)).toBe(kind);
  });

  it("accepts hosts listed in allowedHosts: exact names, *.domain wildcards, IPs and CIDR ranges", () => {
    const allowed = ["vllm.bank.internal", "*.gpu.bank.internal", "203.0.113.7", "198.51.100.0/24", "2001:db8:42::/48"];
    expect(classifyEndpoint("http://VLLM.bank.internal:8000/v1", allowed)).toBe("allowed");
    expect(classifyEndpoint("http://node3.gpu.bank.internal/v1", allowed)).toBe("allowed");
    expect(classifyEndpoint("http://gpu.bank.internal/v1", allowed)).toBe("external");
    expect(classifyEndpoint("http://evil-gpu.bank.internal.example.com/v1", allowed)).toBe("external");
    expect(classifyEndpoint("http://203.0.113.7/v1", allowed)).toBe("allowed");
    expect(classifyEndpoint("http://198.51.100.200/v1", allowed)).toBe("allowed");
    expect(classifyEndpoint("http://198.51.101.1/v1", allowed)).toBe("external");
    expect(classifyEndpoint("http://[2001:db8:42:1::9]/v1", allowed)).toBe("allowed");
    expect(classifyEndpoint("http://[2001:db8:43::9]/v1", allowed)).toBe("external");
  });
});

describe("assertOnPremises", () => {
  const where = { path: "models.experts.fx.baseURL", source: "config file kyocho.yaml" };

  it("refuses an external endpoint at start, naming where it was configured and both ways out", () => {
    expect(() => assertOnPremises("https://api.openai.com/v1", { allowedHosts: [] }, where)).toThrow(
      /^config file kyocho\.yaml: models\.experts\.fx\.baseURL: https:\/\/api\.openai\.com\/v1 is outside the bank's network .* add "api\.openai\.com" to allowedHosts .* or set allowExternal: true/,
    );
  });

  it("accepts it when the configuration explicitly allows external endpoints", () => {
    expect(assertOnPremises("https://api.openai.com/v1", { allowExternal: true }, where)).toBe("external");
  });
});

describe("assertTracingOnPremises", () => {
  it("refuses LangSmith tracing to the public LangSmith, and accepts it off or on-premises", () => {
    expect(() => assertTracingOnPremises({ LANGSMITH_TRACING: "true" }, {})).toThrow(/LANGSMITH_TRACING is on .* https:\/\/api\.smith\.langchain\.com/);
    expect(() => assertTracingOnPremises({ LANGCHAIN_TRACING_V2: "true", LANGCHAIN_ENDPOINT: "https://smith.example.com" }, {})).toThrow(
      /LANGCHAIN_TRACING_V2/,
    );
    expect(() => assertTracingOnPremises({ LANGSMITH_TRACING: "false" }, {})).not.toThrow();
    expect(() => assertTracingOnPremises({ LANGSMITH_TRACING: "true", LANGSMITH_ENDPOINT: "http://10.9.9.9:1984" }, {})).not.toThrow();
  });
});
