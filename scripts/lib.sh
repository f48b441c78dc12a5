# Shared by scripts/ and deploy/: installs missing Debian packages.
# Usage: ensure_packages pkg...
ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The system libraries einvoice links against, and the tools its tests use as outside judges.
EINVOICE_BUILD_PACKAGES=(pkg-config libssl-dev zlib1g-dev libsqlite3-dev libxml2-dev libsecp256k1-dev libqrencode-dev liblz4-dev)
# Outside judges the tests run: xmllint, zbarimg, pngcheck, openssl, python3 with lxml; supervisord
# for the end-to-end tests and Chromium (headless) to render the invoice page.
EINVOICE_TEST_PACKAGES=(libxml2-utils zbar-tools pngcheck openssl librsvg2-bin supervisor chromium fonts-dejavu-core)
