using System.Runtime.InteropServices;

namespace Claims.LocalPostgres;

internal static class CurrentUser
{
    /// <summary>PostgreSQL refuses to run as root, so as root every server program runs as `postgres`.</summary>
    public static bool IsRoot { get; } = DetectRoot();

    public const string PostgresUser = "postgres";

    private static bool DetectRoot()
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            return geteuid() == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Environment.UserName == "root";
        }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint geteuid();
}
