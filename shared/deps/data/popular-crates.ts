/**
 * Names of widely used crates on crates.io, compiled by hand from the
 * long-standing top of crates.io's "most downloaded" listing and the crates
 * common Rust builds (cargo, ripgrep, alacritty, tokio) depend on. See
 * ./README.md for how the list is kept.
 */
export const POPULAR_CRATES: readonly string[] = `
syn proc-macro2 quote libc serde serde_derive serde_core serde_json rand rand_core rand_chacha rand_xorshift rand_pcg
rand_distr cfg-if cfg_aliases bitflags itoa ryu unicode-ident unicode-xid unicode-width unicode-segmentation
unicode-normalization unicode-bidi memchr getrandom autocfg log lazy_static lazycell smallvec regex regex-syntax
regex-automata regex-lite once_cell base64 hashbrown foldhash parking_lot parking_lot_core aho-corasick scopeguard
lock_api indexmap either num-traits num-integer num-bigint num-rational num-complex num num_cpus bytes futures
futures-core futures-util futures-task futures-channel futures-sink futures-io futures-executor futures-macro
futures-lite version_check heck tokio tokio-util tokio-macros tokio-stream tokio-rustls tokio-native-tls
tokio-tungstenite tokio-test mio socket2 pin-project-lite pin-project pin-project-internal pin-utils slab thiserror
thiserror-impl anyhow strsim clap clap_lex clap_builder clap_derive clap_complete atty termcolor time time-core
time-macros chrono chrono-tz iana-time-zone url idna percent-encoding form_urlencoded tinyvec tinyvec_macros http
httparse httpdate hyper hyper-util hyper-tls hyper-rustls h2 http-body http-body-util tower tower-service
tower-layer tower-http tracing tracing-core tracing-attributes tracing-subscriber tracing-log tracing-futures
sharded-slab thread_local crossbeam crossbeam-utils crossbeam-channel crossbeam-epoch crossbeam-deque
crossbeam-queue rayon rayon-core hermit-abi winapi winapi-i686-pc-windows-gnu winapi-x86_64-pc-windows-gnu
winapi-util windows windows-sys windows-core windows-link windows-targets windows-result windows-strings
windows_x86_64_msvc windows_x86_64_gnu windows_x86_64_gnullvm windows_i686_msvc windows_i686_gnu
windows_i686_gnullvm windows_aarch64_msvc windows_aarch64_gnullvm windows-implement windows-interface memoffset
byteorder generic-array typenum digest block-buffer crypto-common sha2 sha1 md-5 md5 hex cpufeatures subtle hmac
ring rustls rustls-pemfile rustls-webpki rustls-pki-types webpki-roots untrusted spin openssl openssl-sys
openssl-probe openssl-macros native-tls pkg-config cc jobserver cmake bindgen clang-sys glob walkdir same-file
tempfile fastrand rustix linux-raw-sys errno io-lifetimes fnv ahash zerocopy zerocopy-derive allocator-api2
equivalent toml toml_edit toml_datetime toml_parser toml_writer serde_spanned winnow nom minimal-lexical semver
miniz_oxide adler adler2 crc32fast flate2 gimli addr2line object backtrace rustc-demangle encoding_rs mime
mime_guess unicase want try-lock reqwest ipnet serde_urlencoded sync_wrapper async-trait paste static_assertions
textwrap ansi_term bstr arrayvec nix signal-hook signal-hook-registry env_logger humantime is-terminal anstream
anstyle anstyle-parse anstyle-query anstyle-wincon colorchoice utf8parse is_terminal_polyfill js-sys wasm-bindgen
wasm-bindgen-macro wasm-bindgen-backend wasm-bindgen-shared wasm-bindgen-macro-support web-sys bumpalo wasi dirs
dirs-sys home which lru dashmap uuid prost tonic axum axum-core matchit serde_yaml csv itertools indoc unindent
proc-macro-error proc-macro-error2 darling darling_core darling_macro ident_case derive_more half criterion proptest quickcheck
pretty_assertions rustversion bytemuck image png libm petgraph fixedbitset sqlx diesel actix-web warp rocket
async-stream event-listener concurrent-queue tungstenite zstd zstd-sys zstd-safe bzip2 tar zip xz2 sha3 blake3
ed25519-dalek curve25519-dalek x25519-dalek rsa der pem aes aes-gcm chacha20poly1305 prettyplease os_str_bytes
shlex grep ignore globset encoding synstructure yoke zerovec icu_normalizer icu_properties writeable litemap
tinystr displaydoc stable_deref_trait zerofrom foldhash jiff portable-atomic rustc_version getopts color-eyre eyre
miette owo-colors console indicatif dialoguer crossterm ratatui notify inotify sysinfo bincode rmp-serde ciborium
postcard schemars validator config dotenvy structopt pest pest_derive lalrpop logos hashlink ordered-float smol
libloading opentelemetry prometheus metrics cookie jsonwebtoken oauth2 tera handlebars askama minijinja mockall
insta wiremock serde_with strum strum_macros bit-vec bit-set vec_map memmap2 nu-ansi-term overload valuable
matchers filetime jiff-static io-uring loom mio-aio futures-concurrency tokio-macros serde_test trybuild
quickcheck_macros async-stream-impl libz-sys lzma-sys curl curl-sys git2 libgit2-sys gix gix-hash sha1_smol
rusqlite libsqlite3-sys unicode-xid ucd-trie phf phf_shared phf_generator phf_codegen siphasher vte
vte_generate_state_changes utf8-width wayland-client wayland-sys wayland-backend wayland-scanner
wayland-protocols x11-dl x11rb x11rb-protocol xkbcommon-dl xcursor winit glutin raw-window-handle
`
  .split(/\s+/)
  .filter(Boolean);
