// Editor aid: validates the front matter of exemplars/*/index.md against the schema that
// `dienhinh schema` writes. `dienhinh check` remains the full check.
import remarkFrontmatter from "remark-frontmatter";
import remarkLintFrontmatterSchema from "remark-lint-frontmatter-schema";

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      { schemas: { "./schema/exemplar.schema.json": ["exemplars/*/index.md"] } },
    ],
  ],
};
