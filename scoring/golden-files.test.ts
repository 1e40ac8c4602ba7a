// Golden files: results of each method version, generated once (method 1.0.0 from the library as
// it was before 1.1.0 existed; 1.1.0 when it was finished; 1.2.0 when it was finished, issue 21): scoring/fixtures/method-<version>/
// <case>.input.json → <case>.expected.json. They must be reproduced byte for byte forever. The
// digests below pin the fixtures themselves: regenerating a fixture from newer code would change
// its digest and fail here.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generatedCases } from "./fixtures/generated-cases";
import {
  prepareTemplate,
  scoreAssessment,
  scorePrepared,
  type ScoreAssessmentInput,
} from "./index";

/** SHA-256 of the compact JSON of each expected result, taken when the fixtures were generated. */
const DIGESTS_1_0_0: Record<string, string> = {
  "due-diligence-capped-tier": "e64658948b27e43a24d3e62c1ac50a4edb49070fe57e78d3d4b847d4ebc06d09",
  "due-diligence-empty-answers": "72f96b87f97131036d94ce4a95214d72bbd4a9158bc99acd510a1d31aa39a43f",
  "due-diligence-good": "5a559f2bbb6975c1ab36962c81c05fd488045dd8f86a2bad9c7a0ae3a23dea7e",
  "due-diligence-knocked-out": "c81d23d3ead9cc7736f0aeab1fb8cdc4a48f67529629e8d04b395a78b39caf57",
  "due-diligence-section-all-na":
    "4637c0ed5397465319ed8da66e35bd738419cb58c9d507457b106c2c35ee6406",
  "due-diligence-unknown-na-invalid":
    "ed4a8353adcbd0e562af961305ea125d8d753bc5722c7d936d1d4b6baab96374",
  "empty-template": "8a5bbc46fae9e187631804bb74f35fcdb783a12c24e028e8a963e184cb62bc12",
  "random-0": "5a2eac9644a2089c57986cf9f532b03832a3a3060add0ebd66135199b934fd7d",
  "random-1": "24f5b3699a2e3e8ec0cb02b5552c94fecb4b5ab82d54e614876ae36bef0165d3",
  "random-2": "34007fcb2f55e41d423c51907258388cf67d1b6a6d75de382a257a80a3225cd6",
  "random-3": "b7a6660df26260b1b8e0214f80564cbd3b6d1623934b0027cebc9d293710d42e",
  "random-4": "fa86bf6b027cbfbb48cb380e7305aa1fcee32946c47616c0ae79cf23812853ee",
  "random-5": "6a961ffc70d7f47ed23d58622b29ffd9a14a0ff00e0da2492bb96dae7adb85f9",
  "random-6": "ecd1811c613da68d8b26b64f651c397dcee8737a7322819a116ef4baac1f281e",
  "random-7": "849972cd5d9cee46dade465be9394634e9ea97c3623efacae71e0ef6dd416412",
};

const DIGESTS_1_1_0: Record<string, string> = {
  "sample-good": "cb5afc22bdb867485bf0cf2a73a48e9cae1afa2f69506af019aa53abfedb2f13",
  "sample-profile-knock-outs": "82a334ddbc975de553717b5addfc9cbfeb346b47279a88774493a4a1d6f8ca27",
  "sample-unanswered": "18dee15b6305ece91e4d4d3f65ff2331e9bfa7a6cc104a77642f4224ee9c00d6",
  "empty-template": "1e44cabbba24a5d451ebd4d47cf7660c95f3acc3af135855d61814901347d822",
  "random-0-as-1.1.0": "3b9355eb531c6d97b686b041bb2eabeef0e8fba04056d547f23ace602e199b77",
  "random-5-as-1.1.0": "5e78938ba696a538355de1451270c44323519e8da1526af9d266d7051db4f7e2",
};

const DIGESTS_1_2_0: Record<string, string> = {
  "sample-good": "1d084236b8dda180862fb88b857cb2f334fd506b760bc4fd2cb776887dc06fda",
  "sample-profile-knock-outs": "9f4e8ef76f96f32106cea565ff1059d2018a7f9edc841d68d3f7af2c0f1a2fdf",
  "sample-unanswered": "3bf56402c1076f36c553346cca02005f1c01b20371540f7ca5af89642cfc201e",
  "empty-template": "4384181b538856607fa81057ddc993dcafb433dcf6bb60d0f13da3d8877d308c",
  "random-0-as-1.2.0": "a21d60aa906f698b6479ec0ccdd6d767d9d8adfb2c304b4ab8902256f086f82f",
  "random-5-as-1.2.0": "ceb3fc5639846f922b8d226dfdb29d1fa929366495a793dc5362cb5a3b7d3375",
  "new-rules-before-day": "02a8b26f54bc0718f7203efa4b14337b067f58e4e3d98c302d2fcb6b383e41b6",
  "new-rules-from-day": "299cdeecff23fd9979b17b0d2b7a304fe33864f531539609f3f403ce1f43d606",
};

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

describe.each([
  ["1.0.0", DIGESTS_1_0_0],
  ["1.1.0", DIGESTS_1_1_0],
  ["1.2.0", DIGESTS_1_2_0],
])("method %s golden files", (version, digests) => {
  const folder = fileURLToPath(new URL(`./fixtures/method-${version}/`, import.meta.url));
  const cases = readdirSync(folder)
    .filter((name) => name.endsWith(".input.json"))
    .map((name) => name.slice(0, -".input.json".length))
    .sort();

  it("has every pinned case and no unpinned one", () => {
    expect(cases).toEqual(Object.keys(digests).sort());
  });

  it.each(cases)("reproduces %s byte for byte", (name) => {
    const input = JSON.parse(
      readFileSync(`${folder}${name}.input.json`, "utf8"),
    ) as ScoreAssessmentInput;
    expect(input.options.methodVersion).toBe(version);
    // Compact JSON of the stored expectation: independent of how the file is formatted.
    const expected = JSON.stringify(
      JSON.parse(readFileSync(`${folder}${name}.expected.json`, "utf8")),
    );
    expect(sha256(expected)).toBe(digests[name]);
    expect(JSON.stringify(scoreAssessment(input))).toBe(expected);
  });
});

// Generated cases of method 1.2.0 (dated knock-outs, notApplicable options, dates after asOf among
// them), pinned when 1.2.0 was finished. Method 1.1.0's are pinned in lazy-explanation.test.ts.
describe("method 1.2.0 generated cases", () => {
  const pinned = JSON.parse(
    readFileSync(new URL("./fixtures/generated-1.2.0-digests.json", import.meta.url), "utf8"),
  ) as { seed: number; count: number; digests: string[] };

  it("reproduces every generated case byte for byte (pinned digests)", () => {
    const digests = generatedCases(pinned.seed, pinned.count, "1.2.0").map((scoringCase) => {
      expect(scoringCase.options.methodVersion).toBe("1.2.0");
      const prepared = prepareTemplate(scoringCase.template, scoringCase.options);
      const results = scoringCase.assessments.map((assessment) =>
        scorePrepared(prepared, assessment.answers, {
          residencyFlows: assessment.residencyFlows,
          countryFlowDefaults: assessment.countryFlowDefaults,
        }),
      );
      return sha256(JSON.stringify(results));
    });
    expect(digests).toEqual(pinned.digests);
  });
});
