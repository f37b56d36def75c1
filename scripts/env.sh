# Sourced by the other scripts: puts cargo's and the project's npm tools on PATH.
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
