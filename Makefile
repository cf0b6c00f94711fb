# The two commands of the README. Everything else lives in .ci/.
# Server flags: make serve ARGS="--addr 0.0.0.0:8080"
ARGS ?=
.PHONY: serve test
serve:
	bash .ci/serve.sh $(ARGS)
test:
	bash .ci/test.sh
