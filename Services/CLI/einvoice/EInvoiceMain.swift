import ArgumentParser
import EInvoiceCLI

@main
enum EInvoiceMain {
    static func main() async {
        await EInvoiceCommand.main()
    }
}
